package dev.cutover.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;

import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.ops.lease.CommandsInFlight;
import dev.cutover.ops.run.DemoRuns;
import dev.cutover.ops.run.InvalidRunOption;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.RunSettings;
import io.quarkus.arc.Unremovable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutover restart <executionId>}: runs a new execution of the same job instance with the
 * original parameters, from the last checkpoints; exit codes are those of the original command.
 */
@Dependent
@Unremovable
@Command(name = "restart", description = "Restart a failed or stopped execution by id, from its last checkpoint.")
public class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<executionId>")
    long executionId;

    @Spec
    CommandSpec spec;

    @Inject
    JobOperator jobOperator;

    @Inject
    MigrationLauncher launcher;

    @Inject
    ExecutionOutcome outcome;

    @Inject
    RunSettingsStore settingsStore;

    @Inject
    CommandsInFlight commands;

    @Inject
    ProgressDisplay progress;

    @Override
    public Integer call() {
        JobExecution original;
        try {
            original = jobOperator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new IllegalArgumentException("no execution " + executionId);
        }
        if (original == null) {
            throw new IllegalArgumentException("no execution " + executionId);
        }
        if (original.getBatchStatus() == BatchStatus.COMPLETED || original.getBatchStatus() == BatchStatus.ABANDONED) {
            throw new IllegalArgumentException("execution " + executionId + " is " + original.getBatchStatus()
                    + ": there is nothing to restart (run the command again instead)");
        }
        refuseDemoRun(original);
        checkReportFile();
        commands.enter();
        try {
            return restartAndReport(original);
        } finally {
            commands.exit();
        }
    }

    private int restartAndReport(JobExecution original) {
        PrintWriter err = spec.commandLine().getErr();
        // the same live progress as the command that started it (plain log lines when not on a terminal)
        try (ProgressDisplay.Following shown = progress.open(err)) {
            long id;
            try {
                id = launcher.restart(executionId);
            } catch (JobRestartException | JobExecutionNotMostRecentException e) {
                throw new IllegalArgumentException("execution " + executionId + " cannot be restarted: " + e.getMessage());
            }
            err.printf("restarting execution %d of %s as execution %d%n", executionId, original.getJobName(), id);
            shown.follow(id);
            JobExecution ended = launcher.await(id, Duration.ofDays(1));
            shown.close();
            return outcome.report(ended, spec.commandLine().getOut(), err);
        }
    }

    /** Its sources ended with the process that ran it: retrying them would only fail again, page after page. */
    private void refuseDemoRun(JobExecution original) {
        Properties parameters = jobOperator.getParameters(executionId);
        RunSettingsStore.Settings settings = settingsStore.ofParameters(parameters);
        if (settings != null && settings.demo()) {
            throw new IllegalArgumentException(DemoRuns.cannotRestart(executionId) + "; "
                    + DemoRuns.runAgain(original.getJobName(), parameters, settings));
        }
    }

    /** The restart writes the original --out: checked now, as the original command did, not after the run. */
    private void checkReportFile() {
        RunSettingsStore.Settings settings = settingsStore.ofParameters(jobOperator.getParameters(executionId));
        if (settings == null || settings.out() == null) {
            return;
        }
        try {
            RunSettings.reportFile(Path.of(settings.out()));
        } catch (InvalidRunOption e) {
            throw new IllegalArgumentException("--out " + e.given() + " (of execution " + executionId + "): " + e.problem());
        }
    }
}
