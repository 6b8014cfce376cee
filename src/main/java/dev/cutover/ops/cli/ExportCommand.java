package dev.cutover.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.ops.run.ModelExport;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cutover export <migration> [--out FILE]}: the executing target model, canonical JSON. */
@Dependent
@Unremovable
@Command(name = "export", description = "Print (or write) the executing target model as canonical JSON.")
public class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<migration>")
    String migration;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the export to this file instead of stdout.")
    Path out;

    @Spec
    CommandSpec spec;

    @Inject
    ModelExport export;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(export.export(migration));
        if (out == null) {
            spec.commandLine().getOut().println(text);
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text + "\n");
        }
        return ExitCode.OK;
    }
}
