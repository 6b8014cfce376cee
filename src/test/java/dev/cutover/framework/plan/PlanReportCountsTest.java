package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code counts.<kind>}: the planned entities are counted under the migration's entity kind (DESIGN.md §11). */
class PlanReportCountsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theEntitiesAreCountedUnderTheEntityKindAfterTheRecordCounts() throws Exception {
        assertThat(json.writeValueAsString(new PlanReport.Counts(10, 7, 2, 1, "policies", 3)))
                .isEqualTo("{\"fetched\":10,\"migrated\":7,\"skipped\":2,\"anomalies\":1,\"policies\":3}");
        assertThat(json.writeValueAsString(new PlanReport.Counts(10, 7, 2, 1, "quotas", 4)))
                .isEqualTo("{\"fetched\":10,\"migrated\":7,\"skipped\":2,\"anomalies\":1,\"quotas\":4}");
    }

    @Test
    void aStoredReportReadsBackWithItsEntityKind() throws Exception {
        PlanReport.Counts counts = json.readValue("{\"fetched\":10,\"migrated\":7,\"skipped\":2,\"anomalies\":1,\"quotas\":4}",
                PlanReport.Counts.class);
        assertThat(counts).isEqualTo(new PlanReport.Counts(10, 7, 2, 1, "quotas", 4));
    }

    @Test
    void countsWithoutOrWithSeveralEntityCountsAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"fetched\":1,\"migrated\":1,\"skipped\":0,\"anomalies\":0}",
                PlanReport.Counts.class)).hasMessageContaining("exactly one entity count");
        assertThatThrownBy(() -> json.readValue(
                "{\"fetched\":1,\"migrated\":1,\"skipped\":0,\"anomalies\":0,\"policies\":1,\"quotas\":1}",
                PlanReport.Counts.class)).hasMessageContaining("exactly one entity count");
    }

    @Test
    void theDigestReadsEveryCountUnderItsNameInKeyOrder() {
        // the same bytes as the record counts had when "policies" was a field of its own: digests stay
        assertThat(new PlanReport.Counts(10, 7, 2, 1, "policies", 3).asMap().toString())
                .isEqualTo("{anomalies=1, fetched=10, migrated=7, policies=3, skipped=2}");
    }
}
