package dev.cutover.framework.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.metrics.PhaseProgress;
import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.normalize.DecidedRecord;
import dev.cutover.framework.normalize.LegacyRecordProcessor;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The plan step's model: groups the leaves of the migrated records by the migration's
 * {@link TargetPlanner#groupKey}, makes one entity per group in {@link TargetPlanner#keyOrder}, adds
 * each entity's id and lineage members, and runs the migration's {@link BehaviorModel} gate and
 * {@link TargetPlanner#checkModel}. Pure: the same outcomes in any order and the same start give an
 * equal plan, so a restarted plan step recomputes it unchanged.
 * <p>
 * Streaming: the leaves are kept and sorted by a {@link PlanningRows} (the database, in the plan step),
 * read back one group at a time, and each entity is handed on as it is made. What stays in memory is
 * two shares of the population at most for the behavior gate ({@link BehaviorModel#partition}: whole
 * partitions, about {@value #GATE_SHARE} leaves each, one being compared on the gate's thread while the
 * next fills; everything when the migration declares no partition), the entities on their way to the
 * digest and the rows ({@link ModelWriter}: at most {@value ModelWriter#IN_FLIGHT} batches of
 * {@value ModelWriter#BATCH}), the ten largest groups, and the plan anomalies.
 * <p>
 * Each stored entity is {@code {"id", <the entity codec's fields>, "members": [[source, id] or
 * [source, null, index], ...]}}; the members of a group are its distinct records, sorted.
 */
public final class ModelPlanning {

    /** How many groups the plan report lists. */
    public static final int LARGEST_GROUPS = 10;

    /**
     * Leaves from which the behavior gate compares what it holds (at a partition boundary). Small: a
     * share lives while the next fills and is compared, so at 20,000 leaves it outlived young
     * collections and was copied and promoted (a 1M plan step collected for 5 to 7 s, with full
     * collections); at 2,000 it dies young (under 0.8 s), and the rate-limits gate compares faster too.
     */
    static final int GATE_SHARE = 2_000;

    /** Reads back stored group keys and targets: any string normalization kept, whatever its length. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(LegacyJson.STORED).build()).build();

    private ModelPlanning() {
    }

    /** Feeds the run's outcomes, in any order, to the consumer (called once). */
    @FunctionalInterface
    public interface Outcomes {
        void forEach(Consumer<RecordOutcome> action);
    }

    /**
     * Plans in memory, keeping the model ({@link TargetPlan#model()}): for tests and small inputs.
     *
     * @throws IllegalStateException naming the record when a migrated record's stored leaves are not
     *                               leaves of the migration, or naming the record or entity that the
     *                               behavior model cannot execute
     */
    public static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart) {
        ArrayNode model = JsonNodeFactory.instance.arrayNode();
        TargetPlan plan;
        try (PlanningRows rows = PlanningRows.inMemory(model)) {
            plan = plan(migration, outcomes, horizonStart, rows);
        }
        return new TargetPlan(model, plan.entityCount(), plan.modelDigest(), plan.largestGroups(), plan.behavior(),
                plan.behaviorChange(), plan.anomalies());
    }

    /**
     * Plans through {@code rows}: the leaves go there to be sorted, and each entity of the model, in
     * model order, as it is made; {@link PlanningRows#finish} is called at the end.
     *
     * @return the plan, its {@link TargetPlan#model()} {@code null}
     * @see #plan(MigrationDescriptor, Outcomes, Instant)
     */
    public static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart,
            PlanningRows rows) {
        return plan(migration, outcomes, horizonStart, rows, PhaseProgress.detached("plan"), GATE_SHARE);
    }

    /** @param phase told the records grouped, then the leaves made into entities and the gate's shares compared */
    public static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart,
            PlanningRows rows, PhaseProgress phase) {
        return plan(migration, outcomes, horizonStart, rows, phase, GATE_SHARE);
    }

    /**
     * Plans from the leaves {@code rows} already holds, keyed by the normalize step
     * ({@link PlanningTables#openStored}); reads no outcome. The same leaves give the same plan as
     * {@link #plan(MigrationDescriptor, Outcomes, Instant, PlanningRows, PhaseProgress)} from their outcomes.
     *
     * @param stored how many migrated records and leaves {@code rows} holds (for the progress)
     */
    public static <L, E, M> TargetPlan planStored(MigrationDescriptor<L, E, M> migration, Instant horizonStart,
            PlanningRows rows, PhaseProgress phase, StoredLeaves stored) {
        PlanningProgress progress = new PlanningProgress(phase, migration.entityKind(), GATE_SHARE);
        progress.stored(stored.records(), stored.leaves());
        return model(migration, horizonStart, rows, GATE_SHARE, progress);
    }

    /** How many migrated records, and leaves of theirs, a run has stored keyed for the plan. */
    public record StoredLeaves(long records, long leaves) {
    }

    /** @param gateShare leaves from which the gate compares what it holds, at the next partition boundary */
    static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart,
            PlanningRows rows, int gateShare) {
        return plan(migration, outcomes, horizonStart, rows, PhaseProgress.detached("plan"), gateShare);
    }

    private static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart,
            PlanningRows rows, PhaseProgress phase, int gateShare) {
        PlanningProgress progress = new PlanningProgress(phase, migration.entityKind(), gateShare);
        outcomes.forEach(outcome -> {
            if (outcome.kind() != RecordOutcome.Kind.MIGRATED) {
                return;
            }
            MemberRef member = outcome.member();
            JsonNode target = outcome.target();
            if (target == null || !target.isArray() || target.isEmpty()) {
                throw new IllegalStateException("migrated record " + member + " has no leaves: its target must be a "
                        + "non-empty array of leaves of " + migration.id());
            }
            // keyed as the normalize step keys them, so that both ways give the same plan
            List<DecidedRecord.KeyedLeaf> leaves = LegacyRecordProcessor.keyedLeaves(migration, outcome);
            for (DecidedRecord.KeyedLeaf leaf : leaves) {
                rows.addLeaf(new PlanningRows.LeafRow(leaf.order(), leaf.key(), member, leaf.leafNo(), leaf.leaf()));
            }
            progress.grouped(leaves.size());
        });
        return model(migration, horizonStart, rows, gateShare, progress);
    }

    /** Makes the model from the leaves in {@code rows}: sorted, one group at a time. */
    private static <L, E, M> TargetPlan model(MigrationDescriptor<L, E, M> migration, Instant horizonStart,
            PlanningRows rows, int gateShare, PlanningProgress progress) {
        progress.sorting();
        try (Groups<L, E, M> groups = new Groups<>(migration, rows, horizonStart, gateShare, progress)) {
            return model(migration, rows, groups, progress);
        }
    }

    private static <L, E, M> TargetPlan model(MigrationDescriptor<L, E, M> migration, PlanningRows rows,
            Groups<L, E, M> groups, PlanningProgress progress) {
        TargetPlanner<L, E> planner = migration.planner();
        List<PlanReport.PlanAnomaly> anomalies = new ArrayList<>();
        Stream<Entity<E>> entities = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(new Iterator<Entity<E>>() {
                    @Override
                    public boolean hasNext() {
                        return groups.hasNext();
                    }

                    @Override
                    public Entity<E> next() {
                        return groups.next();
                    }
                }, Spliterator.ORDERED | Spliterator.NONNULL), false);
        // the migration's check pulls the entities, which makes them; whatever it leaves is made after it
        planner.checkModel(entities, (code, detail) -> anomalies.add(new PlanReport.PlanAnomaly(code, detail)));
        while (groups.hasNext()) {
            groups.next();
        }
        progress.lastShare();
        BehaviorCheck check = groups.finishGate();
        groups.finishWriting();
        rows.finish();
        return new TargetPlan(null, groups.count, groups.digest.value(), groups.largest(), check,
                migration.behavior().describeChange(check), List.copyOf(anomalies));
    }

    /**
     * The sorted leaves read back one group at a time: each group becomes its entity (handed to the
     * rows, the digest and the largest groups) and goes to the {@link BehaviorGate}.
     */
    private static final class Groups<L, E, M> implements AutoCloseable {
        private final MigrationDescriptor<L, E, M> migration;
        private final Iterator<PlanningRows.LeafRow> leaves;
        private final BehaviorGate<L, E, M> gate;
        private final ModelDigest digest = new ModelDigest();
        // the digest and the rows take each entity's stored JSON on a thread of their own, in model order
        private final ModelWriter writer;
        private final PriorityQueue<TargetPlan.GroupSummary> largest = new PriorityQueue<>(BY_SIZE.reversed());
        private final PlanningProgress progress;
        private PlanningRows.LeafRow pending;
        private int count;

        Groups(MigrationDescriptor<L, E, M> migration, PlanningRows rows, Instant horizonStart, int gateShare,
                PlanningProgress progress) {
            this.migration = migration;
            this.leaves = rows.sortedLeaves();
            this.gate = new BehaviorGate<>(migration.behavior(), horizonStart, gateShare);
            this.writer = new ModelWriter(json -> {
                StoredEntity stored = StoredEntity.of(json);
                digest.add(stored);
                rows.addEntity(stored);
            });
            this.pending = leaves.hasNext() ? leaves.next() : null;
            this.progress = progress;
            progress.makingEntities();
        }

        boolean hasNext() {
            return pending != null;
        }

        Entity<E> next() {
            String keyText = pending.key();
            JsonNode key = readJson(keyText, "group key");
            List<Migrated<L>> group = new ArrayList<>(2);
            List<Integer> leafNos = new ArrayList<>(2);
            while (pending != null && pending.key().equals(keyText)) {
                group.add(new Migrated<>(pending.member(), leaf(pending)));
                leafNos.add(pending.leafNo());
                pending = leaves.hasNext() ? leaves.next() : null;
            }
            Entity<E> entity = new Entity<>(migration.planner().entityId(key), entity(migration, key, group));
            List<MemberRef> members = new ArrayList<>();
            for (Migrated<L> leaf : group) {
                // the group's leaves come in member order: a record's leaves are adjacent
                if (members.isEmpty() || !members.get(members.size() - 1).equals(leaf.record())) {
                    members.add(leaf.record());
                }
            }
            writer.write(json(migration, entity, members));
            count++;
            largest.add(new TargetPlan.GroupSummary(key, entity.id(), members.size()));
            if (largest.size() > LARGEST_GROUPS) {
                largest.poll();
            }
            gate.add(migration.behavior().partition(key), group, leafNos, entity);
            progress.entityMade(group.size(), gate.shares(), pending == null);
            return entity;
        }

        BehaviorCheck finishGate() {
            return gate.finish();
        }

        /** Waits until the digest and the rows hold every entity made. */
        void finishWriting() {
            writer.finish();
        }

        /** Ends the gate's and the writer's threads, whether or not the model was made. */
        @Override
        public void close() {
            gate.close();
            writer.close();
        }

        List<TargetPlan.GroupSummary> largest() {
            List<TargetPlan.GroupSummary> bySize = new ArrayList<>(largest);
            bySize.sort(BY_SIZE);
            return List.copyOf(bySize);
        }

        private L leaf(PlanningRows.LeafRow row) {
            try {
                return migration.leafCodec().fromJson(readJson(row.leaf(), "leaf of " + row.member()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("migrated record " + row.member() + " has a leaf that is not a leaf of "
                        + migration.id() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Largest first, then by entity id: the report's order of the largest groups. */
    private static final Comparator<TargetPlan.GroupSummary> BY_SIZE = Comparator
            .comparingInt(TargetPlan.GroupSummary::members).reversed()
            .thenComparing(TargetPlan.GroupSummary::policyId, CodePoints.ORDER);

    private static JsonNode readJson(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the stored " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static <L, E> E entity(MigrationDescriptor<L, E, ?> migration, JsonNode key, List<Migrated<L>> leaves) {
        try {
            return migration.planner().entity(key, leaves);
        } catch (RuntimeException e) {
            // the migration's code failed: say which group, so its author can reproduce it
            throw new IllegalStateException(migration.id() + " could not plan the group " + key + " ("
                    + leaves.size() + " leaves, first from " + leaves.get(0).record() + "): " + e, e);
        }
    }

    /** @return the entity as stored: id, then the codec's fields, then the lineage members */
    static <E> ObjectNode json(MigrationDescriptor<?, E, ?> migration, Entity<E> entity, List<MemberRef> members) {
        JsonNode body = migration.entityCodec().toJson(entity.body());
        if (!body.isObject() || body.has("id") || body.has("members")) {
            throw new IllegalStateException(migration.id() + ": an entity must be a JSON object without 'id' and "
                    + "'members' (the framework adds both), got " + body.getNodeType() + " for " + entity.id());
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", entity.id());
        node.setAll((ObjectNode) body);
        ArrayNode memberArray = node.putArray("members");
        members.forEach(m -> memberArray.add(m.toJson()));
        return node;
    }
}
