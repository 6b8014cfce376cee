package dev.cutover.ops.run;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cutover.framework.metrics.CutoverMetrics;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.RunParameters;

/** Executions as {@code status} and the HTTP API show them (DESIGN.md §8). */
@RegisterForReflection(targets = { ExecutionView.Execution.class, ExecutionView.Step.class })
@ApplicationScoped
public class ExecutionView {

    @Inject
    JobOperator jobOperator;

    @Inject
    MigrationCatalog catalog;

    @Inject
    PlanStore plans;

    @JsonPropertyOrder({ "executionId", "migration", "mode", "batchStatus", "exitStatus", "digest", "startTime", "endTime",
            "steps" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    // exitStatus and endTime are null while the execution runs, and shown so: the contract lists them for
    // every execution; only digest (once planned) and steps (one execution) may be absent
    public record Execution(long executionId, String migration, String mode, String batchStatus,
            @JsonInclude(JsonInclude.Include.ALWAYS) String exitStatus, String digest, Instant startTime,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant endTime, List<Step> steps) {
    }

    /**
     * One step: its JBeret read and write counts, whose {@code unit} says what they count ({@code pages}
     * for retrieve, {@code records} for normalize, {@code entities} for stage; absent for a batchlet,
     * which counts nothing).
     */
    @JsonPropertyOrder({ "name", "batchStatus", "readCount", "writeCount", "unit" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String name, String batchStatus, long readCount, long writeCount, String unit) {
    }

    /** @return the execution with its steps, or empty when there is no such execution */
    public Optional<Execution> one(long executionId) {
        JobExecution e;
        try {
            e = jobOperator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException notFound) {
            return Optional.empty();
        }
        if (e == null) {
            return Optional.empty();
        }
        List<Step> steps = jobOperator.getStepExecutions(executionId).stream()
                .map(s -> new Step(s.getStepName(), s.getBatchStatus().name(), metric(s, Metric.MetricType.READ_COUNT),
                        metric(s, Metric.MetricType.WRITE_COUNT), unit(s.getStepName())))
                .toList();
        return Optional.of(view(e, steps));
    }

    /** @return every execution of every migration, newest first, without steps */
    public List<Execution> all() {
        List<Execution> executions = new ArrayList<>();
        for (String migration : catalog.names()) {
            List<JobInstance> instances;
            try {
                instances = jobOperator.getJobInstances(migration, 0, Integer.MAX_VALUE);
            } catch (NoSuchJobException none) {
                continue;
            }
            for (JobInstance instance : instances) {
                jobOperator.getJobExecutions(instance).forEach(e -> executions.add(view(e, null)));
            }
        }
        executions.sort(Comparator.comparingLong(Execution::executionId).reversed());
        return executions;
    }

    private Execution view(JobExecution e, List<Step> steps) {
        String digest = plans.digest(jobOperator.getJobInstance(e.getExecutionId()).getInstanceId()).orElse(null);
        return new Execution(e.getExecutionId(), e.getJobName(), RunParameters.mode(e.getJobParameters()),
                e.getBatchStatus().name(), e.getExitStatus(), digest, instant(e.getStartTime()), instant(e.getEndTime()), steps);
    }

    /** The chunk steps of the job shape count items in their unit; the batchlets count nothing. */
    private static String unit(String step) {
        return CutoverMetrics.CHUNK_STEPS.contains(step) ? CutoverMetrics.unitOf(step) : null;
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        for (Metric m : step.getMetrics()) {
            if (m.getType() == type) {
                return m.getValue();
            }
        }
        return 0;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
