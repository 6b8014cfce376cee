package dev.cutover.ops.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.framework.run.RunParameters;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover apply <migration>}: plans again, passes the safety gates, stages the new model
 * inert, validates it and activates it atomically.
 */
@Dependent
@Unremovable
@Command(name = "apply", description = "Plan, then stage, validate and atomically activate the new model.")
public class ApplyCommand implements Callable<Integer>, ArgumentCheck {

    @Parameters(index = "0", paramLabel = "<migration>", description = "The migration (job id), e.g. notification-rules-v2.")
    String migration;

    @Mixin
    RunOptions options;

    @Option(names = "--plan-digest", paramLabel = "sha256:...",
            description = "The digest of the reviewed plan; apply refuses if the plan computed now differs.")
    String planDigest;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationRun run;

    @Override
    public void checkArguments() {
        options.checkArguments(planDigest);
        MigrationJob.require(migration);
    }

    @Override
    public Integer call() {
        return run.run(migration, RunParameters.APPLY, options, planDigest, spec);
    }
}
