package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.source.RulesApiProtocol;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.framework.toolkit.SortKey;

/**
 * The framework's half of planning, with a tiny migration whose leaves are "group=value" strings:
 * grouping by key, order, ids and lineage, and what the migration adds (behavior, plan anomalies).
 */
class ModelPlanningTest {

    record Group(String group, List<String> values) {
    }

    /** Groups leaves "g=v" by g; orders groups ignoring case (so "a" and "A" tie); flags a group named "bad". */
    static class Tiny implements MigrationDescriptor<String, Group, List<String>> {
        JsonCodec<Group> entities = JsonCodec.of(Group.class);
        /** the behavior's partition of a group name, or null for one partition */
        UnaryOperator<String> partition;
        /** a value the planned side loses (a behavior change), or null */
        String lost;
        int compares;

        @Override
        public String id() {
            return "tiny";
        }

        @Override
        public String entityKind() {
            return "groups";
        }

        @Override
        public SourceProtocol sourceProtocol() {
            return RulesApiProtocol.INSTANCE;
        }

        @Override
        public JsonCodec<String> leafCodec() {
            return JsonCodec.of(String.class);
        }

        @Override
        public JsonCodec<Group> entityCodec() {
            return entities;
        }

        @Override
        public RecordNormalizer<String> normalizer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TargetPlanner<String, Group> planner() {
            return new TargetPlanner<>() {
                @Override
                public JsonNode groupKey(String leaf) {
                    return JsonNodeFactory.instance.objectNode().put("group", leaf.split("=")[0]);
                }

                @Override
                public Group entity(JsonNode key, List<Migrated<String>> leaves) {
                    return new Group(key.get("group").asText(), leaves.stream().map(l -> l.leaf().split("=")[1]).toList());
                }

                @Override
                public SortKey keyOrder(JsonNode key) {
                    return SortKey.of().text(key.get("group").asText().toLowerCase());
                }

                @Override
                public void checkModel(Stream<Entity<Group>> model, BiConsumer<String, String> anomalies) {
                    model.filter(e -> e.body().group().equals("bad")).forEach(e -> anomalies.accept("BAD_GROUP", e.id()));
                }
            };
        }

        @Override
        public BehaviorModel<String, Group, List<String>> behavior() {
            // what a model "does": the sorted values it holds
            return new BehaviorModel<>() {
                @Override
                public List<String> legacy(Stream<Migrated<String>> records) {
                    return records.map(m -> m.leaf().split("=")[1]).sorted().toList();
                }

                @Override
                public List<String> target(Stream<Entity<Group>> model) {
                    return model.flatMap(e -> e.body().values().stream()).filter(v -> !v.equals(lost)).sorted().toList();
                }

                @Override
                public String partition(JsonNode groupKey) {
                    return partition == null ? "" : partition.apply(groupKey.get("group").asText());
                }

                @Override
                public List<String> empty() {
                    return List.of();
                }

                @Override
                public BehaviorCheck compare(List<String> legacy, List<String> planned, Instant start) {
                    compares++;
                    return new BehaviorCheck(0, legacy.size(), planned.size(), legacy.equals(planned));
                }
            };
        }
    }

    private static RecordOutcome migrated(String source, String id, String... leaves) {
        var target = JsonNodeFactory.instance.arrayNode();
        for (String leaf : leaves) {
            target.add(TextNode.valueOf(leaf));
        }
        return RecordOutcome.migrated(source, id, null, target);
    }

    private static TargetPlan plan(MigrationDescriptor<String, Group, List<String>> migration, List<RecordOutcome> outcomes) {
        return ModelPlanning.plan(migration, outcomes::forEach, Instant.EPOCH);
    }

    private final List<RecordOutcome> outcomes = List.of(
            migrated("us", "r-2", "b=2", "a=3"),
            migrated("eu", "r-9", "A=1"),
            migrated("eu", "r-1", "b=1", "b=4"),
            RecordOutcome.skipped("eu", "r-5", null, "OFF", "off"),
            migrated("eu", "r-3", "bad=0"));

    @Test
    void oneEntityPerKeyWithIdThenFieldsThenItsDistinctSortedMembers() {
        TargetPlan plan = plan(new Tiny(), outcomes);

        // "a" and "A" tie in the migration's order: their text decides ("A" < "a"), never hashing
        assertThat(plan.model()).extracting(e -> e.get("group").asText()).containsExactly("A", "a", "b", "bad");
        JsonNode b = plan.model().get(2);
        String id = new Tiny().planner().entityId(JsonNodeFactory.instance.objectNode().put("group", "b"));
        assertThat(b.toString()).isEqualTo("{\"id\":\"" + id + "\",\"group\":\"b\",\"values\":[\"1\",\"4\",\"2\"],\"members\":[[\"eu\",\"r-1\"],[\"us\",\"r-2\"]]}");
        assertThat(plan.entityCount()).isEqualTo(4);
        assertThat(plan.largestGroups().get(0).members()).isEqualTo(2);
        assertThat(plan.behavior()).isEqualTo(new BehaviorCheck(0, 6, 6, true));
    }

    @Test
    void theSameOutcomesInAnyOrderGiveAnEqualPlan() {
        TargetPlan reference = plan(new Tiny(), outcomes);
        for (int seed = 0; seed < 20; seed++) {
            List<RecordOutcome> shuffled = new ArrayList<>(outcomes);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(plan(new Tiny(), shuffled)).as("seed " + seed).isEqualTo(reference);
        }
    }

    @Test
    void planAnomaliesOfTheMigrationAreReportedWithTheEntityTheyName() {
        TargetPlan plan = plan(new Tiny(), outcomes);
        String badId = plan.model().get(3).get("id").asText();
        assertThat(plan.anomalies()).containsExactly(new PlanReport.PlanAnomaly("BAD_GROUP", badId));
    }

    @Test
    void anEntityThatSpellsItsOwnIdOrLineageIsRefused() {
        Tiny sneaky = new Tiny();
        sneaky.entities = new JsonCodec<>() {
            @Override
            public JsonNode toJson(Group value) {
                return JsonNodeFactory.instance.objectNode().put("id", "mine");
            }

            @Override
            public Group fromJson(JsonNode json) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> plan(sneaky, outcomes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without 'id' and 'members'");
    }

    @Test
    void aFailureInTheMigrationsPlannerNamesTheGroup() {
        RecordOutcome noValue = migrated("eu", "r-6", "lonely");
        assertThatThrownBy(() -> plan(new Tiny(), List.of(noValue))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tiny could not plan the group {\"group\":\"lonely\"}")
                .hasMessageContaining("Index 1 out of bounds");
    }

    @Test
    void aStoredLeafTheCodecCannotReadFailsNamingTheRecord() {
        RecordOutcome broken = RecordOutcome.migrated("eu", "r-7", null,
                JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()));
        assertThatThrownBy(() -> plan(new Tiny(), List.of(broken))).hasMessageContaining("eu/r-7");
        RecordOutcome empty = RecordOutcome.migrated("eu", "r-8", null, JsonNodeFactory.instance.arrayNode());
        assertThatThrownBy(() -> plan(new Tiny(), List.of(empty))).hasMessageContaining("eu/r-8 has no leaves");
    }

    @Test
    void theGateComparesWholePartitionsShareByShareAndAddsTheChecks() {
        Tiny whole = new Tiny();
        TargetPlan reference = plan(whole, outcomes);
        assertThat(whole.compares).isEqualTo(1);

        Tiny partitioned = new Tiny();
        partitioned.partition = group -> group;
        TargetPlan shares = ModelPlanning.plan(partitioned, outcomes::forEach, Instant.EPOCH,
                PlanningRows.inMemory(JsonNodeFactory.instance.arrayNode()), 1);
        // four groups, each its own partition, a share as soon as it holds one leaf
        assertThat(partitioned.compares).isEqualTo(4);
        assertThat(shares.behavior()).isEqualTo(reference.behavior());
        assertThat(shares.modelDigest()).isEqualTo(reference.modelDigest());
    }

    @Test
    void aChangeInOneShareMakesTheWholeUnequalWithTheSameCountsAsOneComparison() {
        Tiny whole = new Tiny();
        whole.lost = "4";
        BehaviorCheck reference = plan(whole, outcomes).behavior();
        assertThat(reference).isEqualTo(new BehaviorCheck(0, 6, 5, false));

        Tiny partitioned = new Tiny();
        partitioned.lost = "4";
        partitioned.partition = group -> group;
        TargetPlan shares = ModelPlanning.plan(partitioned, outcomes::forEach, Instant.EPOCH,
                PlanningRows.inMemory(JsonNodeFactory.instance.arrayNode()), 1);
        assertThat(shares.behavior()).isEqualTo(reference);
    }

    @Test
    void aShareNeverSplitsAPartition() {
        Tiny partitioned = new Tiny();
        // "A" and "a" are one partition, "b" and "bad" another: shares of one leaf still hold each whole
        partitioned.partition = group -> group.substring(0, 1).toLowerCase();
        TargetPlan plan = ModelPlanning.plan(partitioned, outcomes::forEach, Instant.EPOCH,
                PlanningRows.inMemory(JsonNodeFactory.instance.arrayNode()), 1);
        assertThat(partitioned.compares).isEqualTo(2);
        assertThat(plan.behavior()).isEqualTo(new BehaviorCheck(0, 6, 6, true));
    }
}
