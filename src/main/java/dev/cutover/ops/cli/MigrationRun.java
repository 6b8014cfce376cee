package dev.cutover.ops.cli;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.ops.lease.CommandsInFlight;
import dev.cutover.ops.run.ConfiguredSources;
import dev.cutover.ops.run.DemoSourcesLauncher;
import dev.cutover.ops.run.InvalidRunOption;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.MigrationLauncher;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a migration for {@code plan} and {@code apply}: checks the input, starts, awaits, reports. */
@ApplicationScoped
public class MigrationRun {

    @Inject
    MigrationCatalog catalog;

    @Inject
    MigrationLauncher launcher;

    @Inject
    ConfiguredSources configuredSources;

    @Inject
    DemoSourcesLauncher demo;

    @Inject
    ExecutionOutcome outcome;

    @Inject
    CommandsInFlight commands;

    /**
     * @param planDigest {@code --plan-digest} of an apply, or {@code null}
     * @return the exit code (DESIGN.md §8)
     */
    public int run(String migration, String mode, RunOptions options, String planDigest, CommandSpec spec) {
        catalog.require(migration);
        commands.enter();
        try (DemoData.Running demoSources = options.demo ? startDemo(migration) : null) {
            List<SourceEndpoint> endpoints = demoSources != null ? demoSources.endpoints() : options.endpoints(migration, configuredSources.of(migration));
            RunSettingsStore.Settings settings = options.settings(endpoints, planDigest);
            MigrationLauncher.Started started = options.noResume
                    ? new MigrationLauncher.Started(launcher.start(migration, mode, settings), null)
                    : launcher.startOrResume(migration, mode, settings);
            long id = started.executionId();
            if (started.resumed() != null) {
                spec.commandLine().getErr().printf("%s %s: resuming execution %d (failed, stopped or crashed) as execution %d%n",
                        mode, migration, started.resumed(), id);
            }
            spec.commandLine().getErr().printf("%s %s: execution %d started%n", mode, migration, id);
            return outcome.report(launcher.await(id, Duration.ofDays(1)), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } finally {
            commands.exit();
        }
    }

    private DemoData.Running startDemo(String migration) {
        try {
            return demo.start(migration);
        } catch (InvalidRunOption e) {
            throw new IllegalArgumentException("--demo: " + e.problem());
        }
    }
}
