package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.Migrations;
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

    @Inject
    ProgressDisplay progress;

    @Inject
    Migrations migrations;

    /**
     * @param planDigest {@code --plan-digest} of an apply, or {@code null}
     * @return the exit code (DESIGN.md §8)
     */
    public int run(String migration, String mode, RunOptions options, String planDigest, CommandSpec spec) {
        // the accepted codes are the migration's: checked once it is known to exist, before anything starts
        options.checkAccepted(catalog.require(migration), migrations);
        commands.enter();
        PrintWriter err = spec.commandLine().getErr();
        // the first words before anything slow: a demo's sources, the lease, JBeret's start
        if (options.demo) {
            err.printf("%s %s: starting the demo sources%n", mode, migration);
        }
        try (DemoData.Running demoSources = options.demo ? startDemo(migration) : null;
                ProgressDisplay.Following shown = progress.open(err)) {
            List<SourceEndpoint> endpoints = demoSources != null ? demoSources.endpoints()
                    : options.endpoints(migration, configuredSources.of(migration));
            RunSettingsStore.Settings settings = options.settings(endpoints, planDigest);
            err.printf("%s %s: taking the lease and starting an execution over %d source%s%n", mode, migration,
                    endpoints.size(), endpoints.size() == 1 ? "" : "s");
            MigrationLauncher.Started started = options.noResume
                    ? new MigrationLauncher.Started(launcher.start(migration, mode, settings), null)
                    : launcher.startOrResume(migration, mode, settings);
            long id = started.executionId();
            if (started.resumed() != null) {
                err.printf("%s %s: resuming execution %d (failed, stopped or crashed) as execution %d%n",
                        mode, migration, started.resumed(), id);
            }
            err.printf("%s %s: execution %d started%n", mode, migration, id);
            shown.follow(id);
            JobExecution ended = launcher.await(id, Duration.ofDays(1));
            shown.close();
            return outcome.report(ended, spec.commandLine().getOut(), err);
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
