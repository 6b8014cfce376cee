package dev.cutover.framework.plan;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a migration plans to create from the migrated records of a run.
 *
 * @param model         the planned target model as canonical JSON (a sorted array of entities); it
 *                      enters the plan digest, so it must depend on the data only
 * @param entityCount   number of target entities (policies for the reference migration)
 * @param largestGroups the largest groups, largest first, ties broken deterministically
 * @param behavior      the behavioral equivalence check of legacy against planned model
 */
public record TargetPlan(JsonNode model, int entityCount, List<GroupSummary> largestGroups, BehaviorCheck behavior) {

    /** One group of equivalent legacy configurations that becomes one target entity. */
    public record GroupSummary(JsonNode key, String policyId, int members) {
    }

    /**
     * Dispatch tuples of legacy and planned model over a horizon; {@code equal} is true when the two
     * tuple sets are identical (not merely of the same size).
     */
    public record BehaviorCheck(int horizonHours, long legacyDispatches, long newDispatches, boolean equal) {
    }
}
