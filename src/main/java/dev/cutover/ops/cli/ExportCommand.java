package dev.cutover.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.ops.run.InvalidRunOption;
import dev.cutover.ops.run.ModelExport;
import dev.cutover.ops.run.RunSettings;
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
public class ExportCommand implements Callable<Integer>, ArgumentCheck {

    @Parameters(index = "0", paramLabel = "<migration>")
    String migration;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the export to this file instead of stdout.")
    Path out;

    @Spec
    CommandSpec spec;

    @Inject
    ModelExport export;


    @Override
    public void checkArguments() {
        MigrationJob.require(migration);
        if (out != null) {
            try {
                RunSettings.reportFile(out); // as plan's --out: a missing directory is a mistyped path, not one to make
            } catch (InvalidRunOption e) {
                throw RunOptions.asOption(e);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ModelExport.Summary summary;
        String target;
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            summary = export.export(migration, stdout, true);
            stdout.println();
            stdout.flush();
            target = "stdout";
        } else {
            try (Writer file = Files.newBufferedWriter(out)) {
                summary = export.export(migration, file, true);
                file.write('\n');
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the export to " + out + ": " + e.getMessage(), e);
            }
            target = out.toString();
        }
        // on stderr: stdout may be the model itself, piped into another program
        spec.commandLine().getErr().println(summary(summary, target));
        return ExitCode.OK;
    }

    /** @return e.g. {@code exported generation 3 of notification-rules-v2: 1,128 policies to export.json} */
    static String summary(ModelExport.Summary s, String target) {
        if (s.generation() == 0) {
            return String.format(Locale.ROOT, "exported generation 0 of %s: legacy executes, no %s to %s", s.migration(), s.entityKind(), target);
        }
        return String.format(Locale.ROOT, "exported generation %d of %s: %,d %s to %s", s.generation(), s.migration(), s.entities(),
                s.entityKind(), target);
    }
}
