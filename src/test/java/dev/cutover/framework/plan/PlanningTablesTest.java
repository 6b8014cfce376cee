package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.normalize.DecidedRecord;
import dev.cutover.framework.normalize.LegacyRecordProcessor;
import dev.cutover.framework.normalize.OutcomeStore;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan step sorts the leaves in PostgreSQL ("C" collation, through a cursor) and writes the model
 * by COPY: it must give exactly the plan of the in-memory sort (code-point order of Java), on ids that
 * tell the two orders apart if they differ (supplementary characters against private-use ones, ids of
 * more than 200 code points, which key by hash, items without an id) and on text COPY must escape.
 */
@QuarkusTest
class PlanningTablesTest {

    private static final long RUN = 9_100_000_003L;
    private static final String[] ID_PIECES = { "r", "R", "\uE000", "\uD83D\uDE00", "é", "e\u0301", "\t", "\\", "\n", "'", "\"",
            "0", "10", "9" };

    @Inject
    DataSource dataSource;

    @Inject
    OutcomeStore outcomeStore;

    @Inject
    PlanInputs inputs;

    @AfterEach
    void cleanUp() {
        for (String table : List.of("planned_entity", "planned_member", "record_outcome", "record_leaf", "record_leaf_count")) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
    }

    @Test
    void theLeavesNormalizeStoredKeyedPlanAsTheOutcomesTheyCameFrom() {
        List<RecordOutcome> outcomes = hostileOutcomes(3_000);
        ModelPlanningTest.Tiny migration = new ModelPlanningTest.Tiny();
        storeKeyed(migration, outcomes);
        ModelPlanning.StoredLeaves stored = inputs.storedLeaves(RUN);
        long leaves = outcomes.stream().mapToLong(o -> o.target().size()).sum();
        assertThat(stored).isEqualTo(new ModelPlanning.StoredLeaves(outcomes.size(), leaves));

        TargetPlan fromOutcomes;
        try (PlanningTables rows = PlanningTables.open(dataSource, RUN)) {
            fromOutcomes = ModelPlanning.plan(migration, outcomes::forEach, Instant.EPOCH, rows);
        }
        List<String> modelFromOutcomes = modelRows();
        TargetPlan fromStored;
        try (PlanningTables rows = PlanningTables.openStored(dataSource, RUN)) {
            fromStored = ModelPlanning.planStored(migration, Instant.EPOCH, rows, PhaseProgress.detached("plan"), stored);
        }

        assertThat(fromStored.modelDigest()).isEqualTo(fromOutcomes.modelDigest());
        assertThat(fromStored.entityCount()).isEqualTo(fromOutcomes.entityCount());
        assertThat(fromStored.largestGroups()).isEqualTo(fromOutcomes.largestGroups());
        assertThat(fromStored.behavior()).isEqualTo(fromOutcomes.behavior());
        assertThat(modelRows()).containsExactlyElementsOf(modelFromOutcomes);
    }

    @Test
    void theStoredLeavesPlanTheSameWhereverTheirSortSplitsInTwo() {
        List<RecordOutcome> outcomes = hostileOutcomes(3_000);
        ModelPlanningTest.Tiny migration = new ModelPlanningTest.Tiny();
        storeKeyed(migration, outcomes);
        ModelPlanning.StoredLeaves stored = inputs.storedLeaves(RUN);
        TargetPlan atOnce;
        try (PlanningTables rows = PlanningTables.openStored(dataSource, RUN, null)) {
            atOnce = ModelPlanning.planStored(migration, Instant.EPOCH, rows, PhaseProgress.detached("plan"), stored);
        }
        List<String> modelAtOnce = modelRows();
        List<String> orderKeys = Sql.query(dataSource,
                "select distinct order_key from record_leaf where run_id = ? order by order_key", rs -> rs.getString(1), RUN);
        assertThat(orderKeys).hasSizeGreaterThan(10);
        // below every key, at the first, between two, at the middle one, at the last, above every key
        String first = orderKeys.get(0);
        String middle = orderKeys.get(orderKeys.size() / 2);
        String last = orderKeys.get(orderKeys.size() - 1);
        for (String split : List.of("", first, first + "!", middle, last, last + "z")) {
            TargetPlan splitPlan;
            try (PlanningTables rows = PlanningTables.openStored(dataSource, RUN, split)) {
                splitPlan = ModelPlanning.planStored(migration, Instant.EPOCH, rows, PhaseProgress.detached("plan"), stored);
            }
            assertThat(splitPlan.modelDigest()).as("split at %s", split).isEqualTo(atOnce.modelDigest());
            assertThat(splitPlan.entityCount()).isEqualTo(atOnce.entityCount());
            assertThat(splitPlan.largestGroups()).isEqualTo(atOnce.largestGroups());
            assertThat(splitPlan.behavior()).isEqualTo(atOnce.behavior());
            assertThat(modelRows()).as("split at %s", split).containsExactlyElementsOf(modelAtOnce);
        }
    }

    @Test
    void aLargeRunSplitsItsSortNearItsMedianOrderKeyAndASmallOneSortsAtOnce() throws Exception {
        List<RecordOutcome> outcomes = hostileOutcomes(3_000);
        ModelPlanningTest.Tiny migration = new ModelPlanningTest.Tiny();
        storeKeyed(migration, outcomes);
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertThat(SortedLeaves.sampledSplit(c, RUN)).isNull();
        }
        // 200,000 more leaves of 200 characters: about 7,000 pages, of which the 1% sample reads about 70
        Sql.update(dataSource, """
                insert into record_leaf (run_id, source, record_key, rec_id, idx, leaf_no, order_key, group_key, leaf)
                select ?, 'bulk', 'i:' || g, 'b-' || g, null, 0, lpad(g::text, 8, '0'), '{"g":' || g || '}', repeat('x', 200)
                from generate_series(1, 200000) g""", RUN);
        String split;
        try (java.sql.Connection c = dataSource.getConnection()) {
            split = SortedLeaves.sampledSplit(c, RUN);
        }
        assertThat(split).isNotNull();
        long below = Sql.query(dataSource, "select count(*) from record_leaf where run_id = ? and order_key < ?",
                rs -> rs.getLong(1), RUN, split).get(0);
        long all = Sql.query(dataSource, "select count(*) from record_leaf where run_id = ?", rs -> rs.getLong(1), RUN).get(0);
        assertThat((double) below / all).isBetween(0.3, 0.7);
    }

    @Test
    void aPlanThatFailsWithItsSortSplitLeavesNoModelRowsAndNoQueryRunning() {
        List<RecordOutcome> outcomes = new ArrayList<>(hostileOutcomes(500));
        // the Tiny planner fails on a leaf without "=": its record sorts into the range below the split
        outcomes.add(RecordOutcome.migrated("eu", "first", null, JsonNodeFactory.instance.arrayNode().add("lonely")));
        ModelPlanningTest.Tiny migration = new ModelPlanningTest.Tiny();
        storeKeyed(migration, outcomes);
        ModelPlanning.StoredLeaves stored = inputs.storedLeaves(RUN);
        String last = Sql.query(dataSource, "select max(order_key) from record_leaf where run_id = ?", rs -> rs.getString(1),
                RUN).get(0);
        assertThatThrownBy(() -> {
            try (PlanningTables rows = PlanningTables.openStored(dataSource, RUN, last)) {
                ModelPlanning.planStored(migration, Instant.EPOCH, rows, PhaseProgress.detached("plan"), stored);
            }
        }).hasMessageContaining("could not plan the group {\"group\":\"lonely\"}");
        assertThat(Sql.query(dataSource, "select count(*) from planned_entity where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly(0L);
        assertThat(Sql.query(dataSource, """
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'
                and query like '%from record_leaf%'""", rs -> rs.getLong(1))).containsExactly(0L);
    }

    /** Stores the outcomes with their leaves keyed, as the normalize step does. */
    private void storeKeyed(ModelPlanningTest.Tiny migration, List<RecordOutcome> outcomes) {
        outcomeStore.store(RUN, outcomes.stream()
                .map(o -> new DecidedRecord(o, LegacyRecordProcessor.keyedLeaves(migration, o))).toList());
    }

    private List<String> modelRows() {
        List<String> rows = new ArrayList<>(Sql.query(dataSource,
                "select ordinal || ' ' || body from planned_entity where run_id = ? order by ordinal", rs -> rs.getString(1), RUN));
        rows.addAll(Sql.query(dataSource, """
                select ordinal || ' ' || entity_id || ' ' || source || ' ' || record_key from planned_member
                where run_id = ? order by ordinal, source, record_key""", rs -> rs.getString(1), RUN));
        return rows;
    }

    @Test
    void theDatabasesSortGivesTheInMemoryPlanAndItsModelRowsInOrder() {
        List<RecordOutcome> outcomes = hostileOutcomes(3_000);
        ArrayNode model = JsonNodeFactory.instance.arrayNode();
        TargetPlan inMemory;
        try (PlanningRows rows = PlanningRows.inMemory(model)) {
            inMemory = ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH, rows);
        }
        TargetPlan planned;
        try (PlanningTables rows = PlanningTables.open(dataSource, RUN)) {
            planned = ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH, rows);
        }

        assertThat(planned.modelDigest()).isEqualTo(inMemory.modelDigest());
        assertThat(planned.entityCount()).isEqualTo(inMemory.entityCount()).isEqualTo(model.size());
        assertThat(planned.largestGroups()).isEqualTo(inMemory.largestGroups());
        assertThat(planned.behavior()).isEqualTo(inMemory.behavior());
        // stored as stage copies them: each entity without its members, each member a lineage row
        List<String> stored = Sql.query(dataSource, "select body from planned_entity where run_id = ? order by ordinal",
                rs -> rs.getString(1), RUN);
        List<String> expected = new ArrayList<>();
        List<String> expectedMembers = new ArrayList<>();
        for (int ordinal = 0; ordinal < model.size(); ordinal++) {
            ObjectNode entity = ((ObjectNode) model.get(ordinal)).deepCopy();
            for (JsonNode member : entity.remove("members")) {
                String id = member.get(1).isNull() ? null : member.get(1).textValue();
                Integer index = member.size() > 2 ? member.get(2).intValue() : null;
                expectedMembers.add(ordinal + " " + entity.get("id").textValue() + " " + member.get(0).textValue() + " "
                        + RecordKey.of(id, index));
            }
            expected.add(entity.toString());
        }
        assertThat(stored).containsExactlyElementsOf(expected);
        List<String> members = Sql.query(dataSource, """
                select ordinal || ' ' || entity_id || ' ' || source || ' ' || record_key from planned_member
                where run_id = ? order by ordinal, source, record_key""", rs -> rs.getString(1), RUN);
        assertThat(members).containsExactlyInAnyOrderElementsOf(expectedMembers).hasSameSizeAs(expectedMembers);
    }

    @Test
    void planningTheRunAgainReplacesItsModelRows() {
        List<RecordOutcome> outcomes = hostileOutcomes(200);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PlanningTables rows = PlanningTables.open(dataSource, RUN)) {
                ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH, rows);
            }
        }
        ArrayNode model = ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH).model().deepCopy();
        long members = 0;
        for (JsonNode entity : model) {
            members += entity.get("members").size();
        }
        assertThat(Sql.query(dataSource, "select count(*) from planned_entity where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly((long) model.size());
        assertThat(Sql.query(dataSource, "select count(*) from planned_member where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly(members);
    }

    @Test
    void aPlanThatFailsLeavesNoModelRows() {
        List<RecordOutcome> outcomes = new ArrayList<>(hostileOutcomes(100));
        // the Tiny planner fails on a leaf without "=" (its group's entity cannot be made)
        outcomes.add(RecordOutcome.migrated("zz", "last", null, JsonNodeFactory.instance.arrayNode().add("lonely")));
        assertThatThrownBy(() -> {
            try (PlanningTables rows = PlanningTables.open(dataSource, RUN)) {
                ModelPlanning.plan(new ModelPlanningTest.Tiny(), outcomes::forEach, Instant.EPOCH, rows);
            }
        }).hasMessageContaining("could not plan the group {\"group\":\"lonely\"}");
        assertThat(Sql.query(dataSource, "select count(*) from planned_entity where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly(0L);
        assertThat(Sql.query(dataSource, "select count(*) from planned_member where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly(0L);
    }

    /** Leaves "group=value" of records whose ids and groups mix every piece; some records have no id. */
    private static List<RecordOutcome> hostileOutcomes(int records) {
        Random random = new Random(records);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            String source = random.nextBoolean() ? "eu" : "\uD83D\uDE00-src";
            ArrayNode leaves = JsonNodeFactory.instance.arrayNode();
            for (int leaf = 1 + random.nextInt(3); leaf > 0; leaf--) {
                leaves.add(TextNode.valueOf(text(random, 2) + "=" + random.nextInt(5)));
            }
            if (random.nextInt(20) == 0) {
                outcomes.add(RecordOutcome.migrated(source, null, i, leaves));
            } else {
                String id = random.nextInt(50) == 0 ? "long-" + "\uD83D\uDE00".repeat(200) + i : text(random, 4) + i;
                outcomes.add(RecordOutcome.migrated(source, id, null, leaves));
            }
        }
        return outcomes;
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int p = 1 + random.nextInt(pieces); p > 0; p--) {
            text.append(ID_PIECES[random.nextInt(ID_PIECES.length)]);
        }
        return text.toString().replace("=", "");
    }
}
