package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.RunRetention;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover prune <migration> [--keep N]}: deletes the working rows of the migration's runs but the
 * {@code N} newest and those still needed ({@link RunRetention}); each run on stderr as it goes, the
 * summary and the runs kept, with why, on stdout. Exit 4 while an execution holds the lease.
 */
@Dependent
@Unremovable
@Command(name = "prune", description = "Delete the working rows of a migration's old runs (keeps the newest, "
        + "the executing model's, those a rollback returns to and legacy's records).")
public class PruneCommand implements Callable<Integer>, ArgumentCheck {

    @Parameters(index = "0", paramLabel = "<migration>")
    String migration;

    @Option(names = "--keep", paramLabel = "N", descriptionKey = "cutover.retention.keep-runs", defaultValue = "3",
            description = "How many of the newest runs to keep whatever they are (at least 1, default "
                    + "cutover.retention.keep-runs, 3).")
    int keep;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationCatalog catalog;

    @Inject
    RunRetention retention;

    @Override
    public void checkArguments() {
        MigrationJob.require(migration);
        String problem = RunRetention.keepProblem("--keep", keep);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public Integer call() {
        catalog.require(migration);
        PrintWriter err = spec.commandLine().getErr();
        RunRetention.Result result = retention.prune(migration, keep, run -> {
            err.printf(Locale.ROOT, "pruned run %d (execution %d): %,d rows in %.1f s%n", run.runId(), run.executionId(),
                    run.rows(), run.millis() / 1000.0);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "pruned %d %s of %s: %,d rows%s%n", result.pruned().size(),
                result.pruned().size() == 1 ? "run" : "runs", migration, result.rows(),
                result.prunedBefore() == 0 ? "" : String.format(Locale.ROOT, " (%d pruned before)", result.prunedBefore()));
        result.kept().forEach(k -> out.printf(Locale.ROOT, "kept run %d (execution %d): %s%n", k.runId(), k.executionId(), k.why()));
        return ExitCode.OK;
    }
}
