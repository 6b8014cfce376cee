package dev.cutover.ops.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.framework.run.RunParameters;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cutover plan <migration>}: the read-only dry run; writes nothing but the run's bookkeeping. */
@Dependent
@Unremovable
@Command(name = "plan", description = "Dry run: retrieve, normalize and plan; print the plan report summary.")
public class PlanCommand implements Callable<Integer>, ArgumentCheck {

    @Parameters(index = "0", paramLabel = "<migration>", description = "The migration (job id), e.g. notification-rules-v2.")
    String migration;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationRun run;

    @Override
    public void checkArguments() {
        options.checkArguments(null);
        MigrationJob.require(migration);
    }

    @Override
    public Integer call() {
        return run.run(migration, RunParameters.DRY_RUN, options, null, spec);
    }
}
