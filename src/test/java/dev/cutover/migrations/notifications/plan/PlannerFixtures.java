package dev.cutover.migrations.notifications.plan;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.plan.ModelPlanning;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.migrations.notifications.NotificationRulesMigration;
import dev.cutover.migrations.notifications.behavior.NotificationBehavior;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;

/** Builds migrated outcomes the way the normalizer hands them over: leaves serialized by Jackson. */
public final class PlannerFixtures {

    /** A Monday, so a one-week horizon holds each weekday once. */
    public static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlannerFixtures() {
    }

    public static PolicyLeaf leaf(String tenant, String channel, int priority, String schedule, String legacySchedule,
            String timezone, String... recipients) {
        return new PolicyLeaf(tenant, channel, priority, schedule, legacySchedule, timezone, Arrays.asList(recipients));
    }

    /** A daily 09:00 UTC email leaf of priority 3, spelled canonically, for tests where only some fields matter. */
    public static PolicyLeaf daily(String tenant, String... recipients) {
        return leaf(tenant, "email", 3, "0 9 * * *", "0 9 * * *", "UTC", recipients);
    }

    public static RecordOutcome migrated(String source, String id, PolicyLeaf... leaves) {
        return RecordOutcome.migrated(source, id, null, JSON.valueToTree(List.of(leaves)));
    }

    public static RecordOutcome migratedWithoutId(String source, int index, PolicyLeaf... leaves) {
        return RecordOutcome.migrated(source, null, index, JSON.valueToTree(List.of(leaves)));
    }

    public static Migrated<PolicyLeaf> leafOf(String source, String id, PolicyLeaf leaf) {
        return new Migrated<>(new MemberRef(source, id, null), leaf);
    }

    /** The reference migration's parts without CDI (its dispatcher is not needed to plan). */
    public static final NotificationRulesMigration MIGRATION = new NotificationRulesMigration();

    /** Plans outcomes as the plan step does: the framework's grouping with the migration's parts. */
    public static final class Planner {
        public TargetPlan plan(List<RecordOutcome> outcomes, Instant start) {
            return ModelPlanning.plan(MIGRATION, outcomes::forEach, start);
        }
    }

    /** @return a policy of {@code key} with these recipients, as the planner would make it */
    public static Entity<PolicyBody> policy(GroupKey key, String... recipients) {
        return new Entity<>(key.policyId(), new PolicyBody(key.tenant(), key.channel(), key.priority(), key.schedule(),
                key.timezone(), List.of(recipients)));
    }

    /** The behavior gate over legacy leaves and planned policies, as the plan step runs it. */
    public static BehaviorCheck behavior(List<Migrated<PolicyLeaf>> legacy, List<Entity<PolicyBody>> policies, Instant start) {
        NotificationBehavior behavior = new NotificationBehavior();
        return behavior.compare(behavior.legacy(legacy.stream()), behavior.target(policies.stream()), start);
    }

    /** @return the policies the planner makes of these leaves */
    public static List<Entity<PolicyBody>> policies(List<Migrated<PolicyLeaf>> leaves) {
        List<RecordOutcome> outcomes = new java.util.ArrayList<>();
        leaves.forEach(l -> outcomes.add(RecordOutcome.migrated(l.record().source(), l.record().id(), l.record().index(),
                JSON.valueToTree(List.of(l.leaf())))));
        List<Entity<PolicyBody>> policies = new java.util.ArrayList<>();
        new Planner().plan(outcomes, MONDAY).model().forEach(node -> policies.add(
                Entity.stored(MIGRATION.entityCodec(), node.get("id").textValue(), node)));
        return policies;
    }
}
