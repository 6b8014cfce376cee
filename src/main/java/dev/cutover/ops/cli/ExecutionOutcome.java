package dev.cutover.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.plan.ApplyGate;
import dev.cutover.framework.plan.PlanReport;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.FailureLog;
import dev.cutover.framework.run.RefusalLog;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.ops.run.DemoRuns;

/**
 * Turns an ended execution into what the operator sees: the summary, the report file and the exit
 * code (DESIGN.md §8). Used after a first run and after a restart alike, with the run's own settings
 * ({@link RunSettingsStore}: accepted codes, report file), so a restart reports exactly as the
 * original command would have.
 */
@ApplicationScoped
public class ExecutionOutcome {

    @Inject
    PlanStore plans;

    @Inject
    JobOperator jobOperator;

    @Inject
    FailureLog failures;

    @Inject
    ObjectMapper json;

    @Inject
    RefusalLog refusals;

    @Inject
    GenerationSwitch generations;

    @Inject
    RunSettingsStore settingsStore;

    public int report(JobExecution execution, PrintWriter out, PrintWriter err) {
        long id = execution.getExecutionId();
        if (execution.getBatchStatus() == BatchStatus.STOPPED) {
            err.printf("execution %d stopped at its last checkpoint%n", id);
            // a stop can come with failures (a stale execution taken over, then fenced out): each is the news
            failures.reasons(id).forEach(reason -> err.printf("  %s%n", reason));
            err.println(howToGoOn(execution, "resume it with: cutover restart " + id + " (or run the same command again)"));
            return ExitCode.FAILED;
        }
        if (execution.getBatchStatus() != BatchStatus.COMPLETED) {
            String reason = failures.reason(id);
            err.printf("execution %d failed: %s%n", id, reason != null ? reason
                    : execution.getBatchStatus() + (execution.getExitStatus() == null ? "" : " " + execution.getExitStatus()));
            err.println(howToGoOn(execution, "restart it with: cutover restart " + id));
            return ExitCode.FAILED;
        }
        PlanReport report = plans.report(jobOperator.getJobInstance(id).getInstanceId())
                .orElseThrow(() -> new IllegalStateException("execution " + id + " completed without a plan report"));
        RunSettingsStore.Settings settings = settingsStore.ofParameters(jobOperator.getParameters(id));
        String file = settings == null ? null : settings.out();
        String unwritten = writeReport(report, file);
        PlanSummary.print(report, execution, out);
        int exit = outcome(report, execution, settings, out);
        if (unwritten != null) {
            // a script that sees the command's exit code must be able to rely on the file
            err.printf("execution %d completed, but its plan report could not be written to %s: %s%n", id, file, unwritten);
            err.printf("the report is kept with the execution (GET /api/executions/%d/report of cutover serve)%n", id);
            return ExitCode.FAILED;
        }
        return exit;
    }

    /** A run of demo sources cannot go on from its checkpoints: its sources ended with its process. */
    private String howToGoOn(JobExecution execution, String restart) {
        long id = execution.getExecutionId();
        Properties parameters = jobOperator.getParameters(id);
        RunSettingsStore.Settings settings = settingsStore.ofParameters(parameters);
        if (settings == null || !settings.demo()) {
            return restart;
        }
        return DemoRuns.cannotRestart(id) + "\n" + DemoRuns.runAgain(execution.getJobName(), parameters, settings);
    }

    private int outcome(PlanReport report, JobExecution execution, RunSettingsStore.Settings settings, PrintWriter out) {
        long id = execution.getExecutionId();
        String migration = execution.getJobName();
        switch (String.valueOf(execution.getExitStatus())) {
            case "REFUSED" -> {
                out.println("apply refused, nothing activated:");
                refusals.refusals(id).forEach(r -> out.printf("  %s: %s%n", r.code(), r.message()));
                return ExitCode.REFUSED;
            }
            case "UNCHANGED" -> {
                out.printf("nothing to do: %s already executes generation %d, planned from this very data%n", migration,
                        generations.current(migration).generation());
                return ExitCode.OK;
            }
            case "ACTIVATED" -> {
                out.printf("activated: %s now executes generation %d%n", migration, generations.current(migration).generation());
                return ExitCode.OK;
            }
            default -> {
                return planVerdict(report, settings == null ? Set.of() : settings.accepted(), out);
            }
        }
    }

    /**
     * A dry run answers whether an apply of this plan would go ahead: the verdict its report carries
     * (decided once, by the plan step), so the exit code and the report never disagree.
     */
    private static int planVerdict(PlanReport report, Set<String> accepted, PrintWriter out) {
        ApplyGate.Verdict verdict = report.verdict() != null ? report.verdict() : ApplyGate.planVerdict(report, accepted, null);
        if (verdict.refused()) {
            out.printf("apply would be refused: unaccepted anomalies %s (accept with --accept CODE,...)%n",
                    String.join(", ", verdict.refusals().stream().map(RefusalLog.Refusal::code).toList()));
            return ExitCode.REFUSED;
        }
        out.println("apply would go ahead");
        return ExitCode.OK;
    }

    /**
     * The directory was checked before the run (RunSettings.reportFile) and is not created here: what
     * went missing since is a failure to report, not something to paper over.
     *
     * @return why the report could not be written, or {@code null} when it was (or none was asked for)
     */
    private String writeReport(PlanReport report, String file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            // written as its anomalous records are read, which may be as many as the records
            try (Writer out = Files.newBufferedWriter(Path.of(file))) {
                json.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
                out.write("\n");
            }
            return null;
        } catch (NoSuchFileException e) {
            return "no such file or directory";
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (FileSystemException e) {
            return e.getReason() != null ? e.getReason() : e.toString();
        } catch (IOException e) {
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }
}
