package dev.cutover.framework.plan;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;

/**
 * What a migration plans to create from the migrated records of a run ({@link ModelPlanning}).
 *
 * @param model          the planned target model (an array of entities in model order, each with its
 *                       id and lineage members), or {@code null} when it was streamed to a sink instead
 * @param entityCount    number of target entities
 * @param modelDigest    the digest of the model's entities in order ({@link ModelDigest}); it enters the
 *                       plan digest, so it depends on the data only
 * @param largestGroups  the largest groups, largest first, ties broken deterministically
 * @param behavior       the behavioral equivalence check of legacy against planned model
 * @param behaviorChange how the report explains {@code BEHAVIOR_CHANGE} when {@code behavior} is not equal
 * @param anomalies      plan anomalies the migration found across the model (in the digest)
 */
public record TargetPlan(JsonNode model, int entityCount, String modelDigest, List<GroupSummary> largestGroups, BehaviorCheck behavior,
        String behaviorChange, List<PlanReport.PlanAnomaly> anomalies) {

    /** One group of equivalent legacy configurations that becomes one target entity. */
    public record GroupSummary(JsonNode key, String policyId, int members) {
    }
}
