package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

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


    @Override
    public Integer call() throws Exception {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            export.export(migration, stdout, true);
            stdout.println();
            stdout.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer file = Files.newBufferedWriter(out)) {
                export.export(migration, file, true);
                file.write('\n');
            }
        }
        return ExitCode.OK;
    }
}
