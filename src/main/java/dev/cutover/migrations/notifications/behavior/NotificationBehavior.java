package dev.cutover.migrations.notifications.behavior;

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.PolicyBody;
import dev.cutover.migrations.notifications.schedule.DueMinutes;

/**
 * What a notification model does: the {@link DispatchModel} the dispatcher executes, built from legacy
 * leaves (each with its schedule as the legacy rule spelled it) or from policies (their canonical
 * schedule). The plan's behavior gate compares two of them over one week ({@link BehaviorEquivalence});
 * the dispatcher executes the same model minute by minute, and both ask {@link DueMinutes} whether a
 * minute is due, so the gate and the live behavior cannot disagree.
 */
public class NotificationBehavior implements BehaviorModel<PolicyLeaf, PolicyBody, DispatchModel> {

    @Override
    public DispatchModel legacy(Stream<Migrated<PolicyLeaf>> records) {
        DispatchModel.Builder builder = DispatchModel.builder();
        records.forEach(migrated -> {
            PolicyLeaf leaf = migrated.leaf();
            builder.add(leaf.tenant(), leaf.channel(), leaf.priority(), leaf.legacySchedule(), leaf.timezone(),
                    leaf.recipients(), () -> "legacy record " + migrated.record());
        });
        return builder.build();
    }

    @Override
    public DispatchModel target(Stream<Entity<PolicyBody>> entities) {
        DispatchModel.Builder builder = DispatchModel.builder();
        entities.forEach(entity -> {
            PolicyBody policy = entity.body();
            builder.add(policy.tenant(), policy.channel(), policy.priority(), policy.schedule(), policy.timezone(),
                    policy.recipients(), () -> "policy " + entity.id() + " " + policy.key().canonicalJson());
        });
        return builder.build();
    }

    @Override
    public DispatchModel empty() {
        return DispatchModel.empty();
    }

    /**
     * The tenant: a dispatch tuple names its tenant, so two tenants' dispatches never coincide, and the
     * model's order (tenant first) keeps a tenant's policies together.
     */
    @Override
    public String partition(JsonNode groupKey) {
        return groupKey.get("tenant").textValue();
    }

    /**
     * The schedule as spelled and its zone ({@link ScheduleKey}): a tick reads the rules of the schedules
     * due in its slots only, not the whole model.
     */
    @Override
    public String leafKey(PolicyLeaf leaf) {
        return ScheduleKey.of(leaf.legacySchedule(), leaf.timezone());
    }

    @Override
    public String entityKey(PolicyBody policy) {
        return ScheduleKey.of(policy.schedule(), policy.timezone());
    }

    @Override
    public BehaviorCheck compare(DispatchModel legacy, DispatchModel planned, Instant horizonStart) {
        return BehaviorEquivalence.check(legacy, planned, horizonStart);
    }

    @Override
    public String describeChange(BehaviorCheck check) {
        return "over " + check.horizonHours() + " h the legacy rules dispatch " + check.legacyDispatches()
                + " notifications and the planned model " + check.newDispatches() + ", not the same set";
    }
}
