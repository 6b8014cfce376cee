package dev.cutover.ops.cli;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.run.DemoSourcesLauncher;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.SourcesConfig;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a migration for {@code plan} and {@code apply}: checks the input, starts, awaits, reports. */
@ApplicationScoped
public class MigrationRun {

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

    /** @return the exit code (DESIGN.md §8) */
    public int run(String migration, String mode, RunOptions options, Properties extra, CommandSpec spec) {
        catalog.require(migration);
        try (DemoSourcesLauncher.Running demoSources = options.demo ? demo.start() : null) {
            List<SourceEndpoint> endpoints = demoSources != null ? demoSources.endpoints() : options.endpoints(sourcesConfig);
            Properties parameters = options.parameters(mode, endpoints);
            parameters.putAll(extra);
            MigrationLauncher.Started started = options.noResume
                    ? new MigrationLauncher.Started(launcher.start(migration, parameters), null)
                    : launcher.startOrResume(migration, parameters);
            long id = started.executionId();
            if (started.resumed() != null) {
                spec.commandLine().getErr().printf("%s %s: resuming execution %d (failed, stopped or crashed) as execution %d%n",
                        mode, migration, started.resumed(), id);
            }
            spec.commandLine().getErr().printf("%s %s: execution %d started%n", mode, migration, id);
            return outcome.report(launcher.await(id, Duration.ofDays(1)), parameters, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
