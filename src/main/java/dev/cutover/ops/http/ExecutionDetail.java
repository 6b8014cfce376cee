package dev.cutover.ops.http;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.cutover.framework.plan.ApplyGate;
import dev.cutover.framework.run.RefusalLog;
import dev.cutover.ops.run.ExecutionProgress;
import dev.cutover.ops.run.ExecutionView;

/**
 * One execution as {@code GET /api/executions/{id}} shows it: the status object of
 * {@code cutover status <id> --json} (DESIGN.md §8), then why it failed or was refused, its
 * partitions and the retrieval progress of its run; once planned, the verdict of its plan report (would
 * an apply go ahead: {@code STAGE}, {@code UNCHANGED} or {@code REFUSED} with each refusal; for an apply,
 * what its gate decided) and the command that applies the plan with its digest; when {@code cutover prune}
 * deleted the run's working rows, when (its progress then shows nothing retrieved: those rows are gone).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExecutionDetail(@JsonUnwrapped ExecutionView.Execution execution, String failure,
        List<RefusalLog.Refusal> refusals, List<ExecutionProgress.Partition> partitions, ExecutionProgress.Progress progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) ApplyGate.Verdict verdict, String applyCommand, Instant prunedAt) {
}
