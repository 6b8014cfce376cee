package dev.cutover.framework.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.toolkit.CodePoints;

/**
 * The plan step's model: groups the leaves of the migrated records by the migration's
 * {@link TargetPlanner#groupKey}, makes one entity per group in {@link TargetPlanner#keyOrder}, adds
 * each entity's id and lineage members, and runs the migration's {@link BehaviorModel} gate and
 * {@link TargetPlanner#checkModel}. Pure: the same outcomes in any order and the same start give an
 * equal plan, so a restarted plan step recomputes it unchanged.
 * <p>
 * Each stored entity is {@code {"id", <the entity codec's fields>, "members": [[source, id] or
 * [source, null, index], ...]}}; the members of a group are its distinct records, sorted.
 */
public final class ModelPlanning {

    /** How many groups the plan report lists. */
    public static final int LARGEST_GROUPS = 10;

    private ModelPlanning() {
    }

    /** Feeds the run's outcomes, in any order, to the consumer (called once). */
    @FunctionalInterface
    public interface Outcomes {
        void forEach(Consumer<RecordOutcome> action);
    }

    /**
     * @throws IllegalStateException naming the record when a migrated record's stored leaves are not
     *                               leaves of the migration, or naming the record or entity that the
     *                               behavior model cannot execute
     */
    public static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart) {
        ArrayNode model = JsonNodeFactory.instance.arrayNode();
        TargetPlan plan = plan(migration, outcomes, horizonStart, model::add);
        return new TargetPlan(model, plan.entityCount(), plan.modelDigest(), plan.largestGroups(), plan.behavior(),
                plan.behaviorChange(), plan.anomalies());
    }

    /**
     * Plans, handing each entity of the model, in model order, to {@code sink} as it is made (the plan
     * step writes them to {@code planned_entity}) instead of keeping the model.
     *
     * @return the plan, its {@link TargetPlan#model()} {@code null}
     * @see #plan(MigrationDescriptor, Outcomes, Instant)
     */
    public static <L, E, M> TargetPlan plan(MigrationDescriptor<L, E, M> migration, Outcomes outcomes, Instant horizonStart,
            Consumer<ObjectNode> sink) {
        TargetPlanner<L, E> planner = migration.planner();
        // grouped in memory by the key's JSON text: as many entries as leaves, kept for the legacy behavior too
        Map<String, Group<L>> groups = new HashMap<>();
        List<Migrated<L>> legacy = new ArrayList<>();
        outcomes.forEach(outcome -> {
            if (outcome.kind() != RecordOutcome.Kind.MIGRATED) {
                return;
            }
            MemberRef member = outcome.member();
            for (L leaf : leaves(migration, member, outcome.target())) {
                Migrated<L> migrated = new Migrated<>(member, leaf);
                legacy.add(migrated);
                JsonNode key = planner.groupKey(leaf);
                groups.computeIfAbsent(key.toString(), text -> new Group<>(key)).leaves.add(migrated);
            }
        });
        // stable: a record's leaves keep their order, so everything below is independent of the outcomes' order
        Comparator<Migrated<L>> byRecord = Comparator.comparing(Migrated::record);
        legacy.sort(byRecord);
        List<Group<L>> ordered = new ArrayList<>(groups.values());
        // ties of the migration's order are broken by the key's text: the order never depends on hashing
        Comparator<JsonNode> keyOrder = planner.keyOrder().thenComparing(JsonNode::toString, CodePoints.ORDER);
        ordered.sort((a, b) -> keyOrder.compare(a.key, b.key));

        List<Entity<E>> entities = new ArrayList<>(ordered.size());
        ModelDigest digest = new ModelDigest();
        List<TargetPlan.GroupSummary> summaries = new ArrayList<>(ordered.size());
        for (Group<L> group : ordered) {
            group.leaves.sort(byRecord);
            Entity<E> entity = new Entity<>(planner.entityId(group.key), entity(migration, group));
            List<MemberRef> members = group.leaves.stream().map(Migrated::record).distinct().toList();
            entities.add(entity);
            ObjectNode json = json(migration, entity, members);
            digest.add(json);
            sink.accept(json);
            summaries.add(new TargetPlan.GroupSummary(group.key, entity.id(), members.size()));
        }

        BehaviorModel<L, E, M> behavior = migration.behavior();
        M legacyModel = behavior.legacy(legacy.stream());
        M plannedModel = behavior.target(entities.stream());
        BehaviorCheck check = behavior.compare(legacyModel, plannedModel, horizonStart);
        List<PlanReport.PlanAnomaly> anomalies = new ArrayList<>();
        planner.checkModel(entities.stream(), (code, detail) -> anomalies.add(new PlanReport.PlanAnomaly(code, detail)));
        return new TargetPlan(null, entities.size(), digest.value(), largest(summaries), check, behavior.describeChange(check),
                List.copyOf(anomalies));
    }

    private static <L, E> E entity(MigrationDescriptor<L, E, ?> migration, Group<L> group) {
        try {
            return migration.planner().entity(group.key, group.leaves);
        } catch (RuntimeException e) {
            // the migration's code failed: say which group, so its author can reproduce it
            throw new IllegalStateException(migration.id() + " could not plan the group " + group.key + " ("
                    + group.leaves.size() + " leaves, first from " + group.leaves.get(0).record() + "): " + e, e);
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

    private static <L> List<L> leaves(MigrationDescriptor<L, ?, ?> migration, MemberRef record, JsonNode target) {
        if (target == null || !target.isArray() || target.isEmpty()) {
            throw new IllegalStateException("migrated record " + record + " has no leaves: its target must be a "
                    + "non-empty array of leaves of " + migration.id());
        }
        List<L> leaves = new ArrayList<>(target.size());
        for (JsonNode node : target) {
            try {
                leaves.add(migration.leafCodec().fromJson(node));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("migrated record " + record + " has a leaf that is not a leaf of "
                        + migration.id() + ": " + e.getMessage(), e);
            }
        }
        return leaves;
    }

    private static List<TargetPlan.GroupSummary> largest(List<TargetPlan.GroupSummary> summaries) {
        List<TargetPlan.GroupSummary> bySize = new ArrayList<>(summaries);
        bySize.sort(Comparator.comparingInt(TargetPlan.GroupSummary::members).reversed()
                .thenComparing(TargetPlan.GroupSummary::policyId, CodePoints.ORDER));
        return List.copyOf(bySize.subList(0, Math.min(LARGEST_GROUPS, bySize.size())));
    }

    private static final class Group<L> {
        final JsonNode key;
        final List<Migrated<L>> leaves = new ArrayList<>(2);

        Group(JsonNode key) {
            this.key = key;
        }
    }
}
