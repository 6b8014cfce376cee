package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The shape of {@code status --json} (and of the API's executions): every field of the contract for every
 * execution, a running one's exitStatus and endTime as null; only digest (once planned) and steps (one
 * execution) may be absent.
 */
class ExecutionViewTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aRunningExecutionShowsExitStatusAndEndTimeAsNull() {
        JsonNode running = JSON.valueToTree(new ExecutionView.Execution(7, "m", "dry-run", "STARTED", null, null,
                Instant.parse("2026-12-05T10:00:00Z"), null, null));
        assertThat(running.has("exitStatus")).isTrue();
        assertThat(running.get("exitStatus").isNull()).isTrue();
        assertThat(running.has("endTime")).isTrue();
        assertThat(running.get("endTime").isNull()).isTrue();
        assertThat(running.has("digest")).as("not planned yet").isFalse();
        assertThat(running.has("steps")).as("in the list").isFalse();
    }

    @Test
    void anEndedExecutionShowsEveryField() {
        JsonNode ended = JSON.valueToTree(new ExecutionView.Execution(7, "m", "apply", "COMPLETED", "ACTIVATED",
                "sha256:" + "0".repeat(64), Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T10:01:00Z"),
                List.of(new ExecutionView.Step("retrieve", "COMPLETED", 3, 3, "pages"))));
        assertThat(ended.fieldNames()).toIterable().containsExactly("executionId", "migration", "mode", "batchStatus",
                "exitStatus", "digest", "startTime", "endTime", "steps");
    }
}
