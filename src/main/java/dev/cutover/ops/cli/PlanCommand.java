package dev.cutover.ops.cli;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.run.DemoSourcesLauncher;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.SourcesConfig;
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
public class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<migration>", description = "The migration (job id), e.g. notification-rules-v2.")
    String migration;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Inject
    MigrationCatalog catalog;

    @Inject
    MigrationLauncher launcher;

    @Inject
    SourcesConfig sourcesConfig;

    @Inject
    DemoSourcesLauncher demo;

    @Inject
    ExecutionOutcome outcome;

    @Override
    public Integer call() throws Exception {
        catalog.require(migration);
        try (DemoSourcesLauncher.Running demoSources = options.demo ? demo.start() : null) {
            List<SourceEndpoint> endpoints = demoSources != null ? demoSources.endpoints() : options.endpoints(sourcesConfig);
            Properties parameters = options.parameters(RunParameters.DRY_RUN, endpoints);
            long id = launcher.start(migration, parameters);
            spec.commandLine().getErr().printf("plan %s: execution %d started%n", migration, id);
            return outcome.report(launcher.await(id, Duration.ofDays(1)), parameters, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
