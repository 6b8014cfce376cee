package dev.cutover.ops.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.ModelRollback;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover rollback <migration>}: switches back, in one short transaction, to the generation
 * that executed before the current one (0 = legacy). Refused (exit 3) when legacy already executes.
 */
@Dependent
@Unremovable
@Command(name = "rollback", description = "Switch back to the generation that executed before the current one.")
public class RollbackCommand implements Callable<Integer>, ArgumentCheck {

    @Parameters(index = "0", paramLabel = "<migration>")
    String migration;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationCatalog catalog;

    @Inject
    ModelRollback rollbacks;

    @Override
    public void checkArguments() {
        MigrationJob.require(migration);
    }

    @Override
    public Integer call() {
        catalog.require(migration);
        ModelRollback.Result result = rollbacks.rollback(migration);
        if (result.to().isEmpty()) {
            spec.commandLine().getOut().printf("rollback refused: %s executes legacy (generation 0), there is nothing to roll back to%n",
                    migration);
            return ExitCode.REFUSED;
        }
        spec.commandLine().getOut().printf("rolled back: %s now executes generation %d (was %d)%n", migration,
                result.to().get(), result.from());
        return ExitCode.OK;
    }
}
