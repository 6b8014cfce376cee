package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.retrieve.RetrievalStore.SourceSummary;
import dev.cutover.framework.run.RefusalLog.Refusal;

/**
 * What the plan digest covers, without a database (DESIGN.md §6): the same data in any order gives the
 * same digest; any change to the data (an entity, its lineage, a count, an anomaly, a source) gives
 * another; what describes the run (execution id, mode, watermarks, the executing state, the verdict and
 * the apply command) leaves it as it is. The planner is {@link ModelPlanningTest.Tiny}'s: leaves
 * {@code "group=value"} grouped by group, a group named {@code bad} raising a plan anomaly.
 */
class PlanDigestCoverageTest {

    private static final List<SourceSummary> SOURCES = List.of(new SourceSummary("eu", 5, 5, 41),
            new SourceSummary("us", 2, 2, 9));

    private static RecordOutcome migrated(String source, String id, String... leaves) {
        var target = JsonNodeFactory.instance.arrayNode();
        for (String leaf : leaves) {
            target.add(TextNode.valueOf(leaf));
        }
        return RecordOutcome.migrated(source, id, null, target);
    }

    private static final List<RecordOutcome> OUTCOMES = List.of(
            migrated("us", "r-2", "b=2", "a=3"),
            migrated("eu", "r-9", "A=1"),
            migrated("eu", "r-1", "b=1", "b=4"),
            RecordOutcome.skipped("eu", "r-5", null, "DISABLED", "disabled"),
            RecordOutcome.anomaly("eu", "r-6", null, "INVALID_CRON", "schedule '61 * * * *'"),
            RecordOutcome.anomaly("us", null, 4, "MALFORMED_RECORD", "not an object"),
            migrated("eu", "r-3", "bad=0"));

    private static PlanReport report(List<RecordOutcome> outcomes, List<SourceSummary> sources) {
        return report(outcomes, sources, 7, "dry-run", List.of());
    }

    private static PlanReport report(List<RecordOutcome> outcomes, List<SourceSummary> sources, long executionId, String mode,
            List<PlanReport.PlanAnomaly> stateAnomalies) {
        TargetPlan target = ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH);
        return PlanReportBuilder.build("tiny", "groups", executionId, mode, sources, OutcomeTally.of(outcomes), target,
                stateAnomalies);
    }

    private static String digest(List<RecordOutcome> outcomes) {
        return report(outcomes, SOURCES).digest();
    }

    /** The outcomes with the one for {@code source/id} replaced. */
    private static List<RecordOutcome> replacing(String source, String id, UnaryOperator<RecordOutcome> change) {
        List<RecordOutcome> changed = new ArrayList<>();
        for (RecordOutcome o : OUTCOMES) {
            changed.add(source.equals(o.source()) && id.equals(o.id()) ? change.apply(o) : o);
        }
        return changed;
    }

    @Test
    void theSameDataInAnyOrderHasTheSameDigest() {
        String reference = digest(OUTCOMES);
        assertThat(PlanDigest.isWellFormed(reference)).as(reference).isTrue();
        assertThat(report(reversed(OUTCOMES), reversed(SOURCES)).digest()).isEqualTo(reference);
        // one generator for all rounds: the first draws of generators seeded 0, 1, 2... hardly differ
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<RecordOutcome> outcomes = new ArrayList<>(OUTCOMES);
            List<SourceSummary> sources = new ArrayList<>(SOURCES);
            Collections.shuffle(outcomes, random);
            Collections.shuffle(sources, random);
            assertThat(report(outcomes, sources).digest()).as("round " + round + ": " + outcomes + " " + sources)
                    .isEqualTo(reference);
        }
    }

    @Test
    void aChangedValueOfAnEntityChangesTheDigest() {
        String reference = digest(OUTCOMES);
        assertThat(digest(replacing("eu", "r-1", o -> migrated("eu", "r-1", "b=1", "b=5")))).isNotEqualTo(reference);
        assertThat(digest(replacing("eu", "r-1", o -> migrated("eu", "r-1", "b=1")))).as("a leaf fewer")
                .isNotEqualTo(reference);
        assertThat(digest(replacing("eu", "r-1", o -> migrated("eu", "r-1", "b=1", "c=4")))).as("a leaf moved to a new entity")
                .isNotEqualTo(reference);
    }

    @Test
    void aChangedLineageAloneChangesTheDigest() {
        List<RecordOutcome> renamed = replacing("eu", "r-9", o -> migrated("eu", "r-90", "A=1"));
        JsonNode before = ModelPlanning.plan(new ModelPlanningTest.Tiny(), OUTCOMES::forEach, Instant.EPOCH).model();
        JsonNode after = ModelPlanning.plan(new ModelPlanningTest.Tiny(), renamed::forEach, Instant.EPOCH).model();
        // the entities are the same but for the members: only the lineage differs
        assertThat(withoutMembers(after)).isEqualTo(withoutMembers(before));
        assertThat(after).isNotEqualTo(before);

        assertThat(digest(renamed)).isNotEqualTo(digest(OUTCOMES));
        assertThat(digest(replacing("eu", "r-9", o -> migrated("us", "r-9", "A=1")))).as("another source")
                .isNotEqualTo(digest(OUTCOMES));
    }

    @Test
    void aChangedCountAnomalyOrSourceChangesTheDigest() {
        String reference = digest(OUTCOMES);
        Map<String, List<RecordOutcome>> changes = new LinkedHashMap<>();
        changes.put("a skip reason", replacing("eu", "r-5", o -> RecordOutcome.skipped("eu", "r-5", null, "SUPERSEDED", "old")));
        changes.put("an anomaly code", replacing("eu", "r-6", o -> RecordOutcome.anomaly("eu", "r-6", null, "MISSING_FIELD",
                o.detail())));
        changes.put("an anomaly detail", replacing("eu", "r-6", o -> RecordOutcome.anomaly("eu", "r-6", null, o.code(),
                "schedule '62 * * * *'")));
        changes.put("an anomalous record's id", replacing("eu", "r-6", o -> RecordOutcome.anomaly("eu", "r-7", null, o.code(),
                o.detail())));
        changes.put("a migrated record that becomes an anomaly", replacing("eu", "r-9",
                o -> RecordOutcome.anomaly("eu", "r-9", null, "INVALID_CRON", "x")));
        List<RecordOutcome> oneMore = new ArrayList<>(OUTCOMES);
        oneMore.add(RecordOutcome.skipped("us", "r-8", null, "DISABLED", "disabled"));
        changes.put("one more record", oneMore);
        List<RecordOutcome> moved = new ArrayList<>(OUTCOMES);
        moved.set(5, RecordOutcome.anomaly("us", null, 5, "MALFORMED_RECORD", "not an object"));
        changes.put("the index of an item without an id", moved);
        changes.forEach((what, outcomes) -> assertThat(digest(outcomes)).as(what).isNotEqualTo(reference));

        List<SourceSummary> moreInTotal = List.of(new SourceSummary("eu", 6, 5, 41), SOURCES.get(1));
        assertThat(report(OUTCOMES, moreInTotal).digest()).as("a source's total").isNotEqualTo(reference);
        List<SourceSummary> incomplete = List.of(SOURCES.get(0), new SourceSummary("us", 3, 2, 9));
        assertThat(report(OUTCOMES, incomplete).digest()).as("a source's total and so its completeness")
                .isNotEqualTo(reference);
        List<SourceSummary> another = List.of(SOURCES.get(0), SOURCES.get(1), new SourceSummary("ap", 0, 0, 1));
        assertThat(report(OUTCOMES, another).digest()).as("another source, empty").isNotEqualTo(reference);

        TargetPlan target = ModelPlanning.plan(new ModelPlanningTest.Tiny(), OUTCOMES::forEach, Instant.EPOCH);
        PlanReport otherMigration = PlanReportBuilder.build("tiny-2", "groups", 7, "dry-run", SOURCES,
                OutcomeTally.of(OUTCOMES), target, List.of());
        assertThat(otherMigration.digest()).as("the migration").isNotEqualTo(reference);
    }

    @Test
    void whatDescribesTheRunLeavesTheDigestAsItIs() {
        PlanReport reference = report(OUTCOMES, SOURCES);
        List<SourceSummary> laterWatermarks = List.of(new SourceSummary("eu", 5, 5, 90_000), new SourceSummary("us", 2, 2, 1));

        PlanReport anotherRun = report(OUTCOMES, laterWatermarks, 12345, "apply",
                List.of(new PlanReport.PlanAnomaly("MASS_REMOVAL", "the plan removes 90% of what executes")));

        assertThat(anotherRun.executionId()).isNotEqualTo(reference.executionId());
        assertThat(anotherRun.planAnomalies()).hasSize(reference.planAnomalies().size() + 1);
        assertThat(anotherRun.digest()).isEqualTo(reference.digest());

        PlanReport withVerdict = reference.withVerdict(new ApplyGate.Verdict(ApplyGate.Decision.REFUSED,
                List.of(new Refusal("INVALID_CRON", "1 record(s)"))), "cutover apply tiny --plan-digest " + reference.digest());
        assertThat(withVerdict.digest()).isEqualTo(reference.digest());
        assertThat(withVerdict.withVerdict(null, null)).isEqualTo(reference);
    }

    @Test
    void theCanonicalFormIsCompactJsonWithSortedPropertiesAndKeys() throws Exception {
        // stored digests must stay valid across releases: this locks the bytes the digest is taken over
        Map<String, Long> counts = new TreeMap<>(Map.of("migrated", 1L, "fetched", 3L));
        PlanReport.DigestContent content = new PlanReport.DigestContent("f", "m", List.of(new PlanReport.DigestSource("s1", 3, 2)),
                counts, Map.of("DISABLED", 1L), Map.of("Z_CODE", 1L, "A_CODE", 2L),
                AnomalyRecords.listed(List.of(new PlanReport.AnomalyRecord("s1", null, 4, "A_CODE", "d\u00e9j\u00e0 \"vu\""),
                        new PlanReport.AnomalyRecord("s1", "r-1", null, "Z_CODE", "z"))),
                List.of(new PlanReport.PlanAnomaly("EMPTY_SOURCE", "s2")), "sha256:00/1");
        String canonical = "{\"anomalies\":{\"A_CODE\":2,\"Z_CODE\":1},"
                + "\"anomalyRecords\":[{\"source\":\"s1\",\"id\":null,\"index\":4,\"code\":\"A_CODE\",\"detail\":\"d\u00e9j\u00e0 \\\"vu\\\"\"},"
                + "{\"source\":\"s1\",\"id\":\"r-1\",\"code\":\"Z_CODE\",\"detail\":\"z\"}],"
                + "\"counts\":{\"fetched\":3,\"migrated\":1},\"format\":\"f\",\"migration\":\"m\",\"model\":\"sha256:00/1\","
                + "\"planAnomalies\":[{\"code\":\"EMPTY_SOURCE\",\"detail\":\"s2\"}],\"skipped\":{\"DISABLED\":1},"
                + "\"sources\":[{\"fetched\":2,\"name\":\"s1\",\"total\":3}]}";

        assertThat(PlanDigest.of(content)).isEqualTo("sha256:" + sha256(canonical));
    }

    @Test
    void theModelDigestIsTheEntitiesInModelOrderOneALineWithTheirCount() throws Exception {
        ObjectNode first = JsonNodeFactory.instance.objectNode().put("id", "p1").put("v", "\u00e9");
        ObjectNode second = JsonNodeFactory.instance.objectNode().put("id", "p2");

        ModelDigest inOrder = new ModelDigest();
        inOrder.add(first);
        inOrder.add(second);
        ModelDigest swapped = new ModelDigest();
        swapped.add(second);
        swapped.add(first);

        String value = inOrder.value();
        assertThat(value).isEqualTo("sha256:" + sha256("{\"id\":\"p1\",\"v\":\"\u00e9\"}\n{\"id\":\"p2\"}\n") + "/2");
        assertThat(swapped.value()).isNotEqualTo(value);
        assertThat(new ModelDigest().value()).isEqualTo("sha256:" + sha256("") + "/0");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static JsonNode withoutMembers(JsonNode model) {
        var copy = model.deepCopy();
        copy.forEach(entity -> ((ObjectNode) entity).remove("members"));
        return copy;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
