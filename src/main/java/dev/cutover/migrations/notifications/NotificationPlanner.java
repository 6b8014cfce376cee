package dev.cutover.migrations.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.framework.plan.TargetPlan.GroupSummary;
import dev.cutover.framework.plan.TargetPlanner;

/**
 * Plans the policies of {@code notification-rules-v2}: one policy per group key (DESIGN.md §5
 * rule 11) from the leaves of the migrated records, and checks that they dispatch exactly what the
 * legacy records dispatch ({@link BehaviorEquivalence}).
 *
 * <p>The model is a JSON array of policies in {@link GroupKey#ORDER}, each
 * {@code {"id","tenant","channel","priority","schedule","timezone","recipients","members"}}
 * (see {@link Policy#toJson()}); {@code largestGroups} are the {@value #LARGEST_GROUPS} groups
 * with the most members, ties by policy id ascending. Pure and deterministic: the same outcomes in
 * any order and the same start give an equal plan, so a restarted plan step recomputes it
 * unchanged. Only {@code MIGRATED} outcomes are read. No injected state: {@code new
 * NotificationPlanner()} works as well as the CDI bean {@code notificationPlanner}.
 */
@ApplicationScoped
@Named
public class NotificationPlanner implements TargetPlanner {

    /** How many groups the plan report lists. */
    public static final int LARGEST_GROUPS = 10;

    private static final Comparator<Policy> LARGEST_FIRST = Comparator
            .comparingInt((Policy policy) -> policy.members().size()).reversed()
            .thenComparing(Policy::policyId);

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException naming the record when a migrated record's target is not a
     *                               non-empty list of valid leaves or a legacy schedule does not parse
     */
    @Override
    public TargetPlan plan(List<RecordOutcome> outcomes, Instant horizonStart) {
        List<MigratedLeaf> leaves = LeafReader.read(outcomes);
        List<Policy> policies = PolicyGrouping.group(leaves);
        ArrayNode model = JsonNodeFactory.instance.arrayNode(policies.size());
        policies.forEach(policy -> model.add(policy.toJson()));
        return new TargetPlan(model, policies.size(), largestGroups(policies),
                BehaviorEquivalence.check(leaves, policies, horizonStart));
    }

    private static List<GroupSummary> largestGroups(List<Policy> policies) {
        List<Policy> bySize = new ArrayList<>(policies);
        bySize.sort(LARGEST_FIRST);
        List<GroupSummary> largest = new ArrayList<>(LARGEST_GROUPS);
        for (Policy policy : bySize.subList(0, Math.min(LARGEST_GROUPS, bySize.size()))) {
            largest.add(new GroupSummary(policy.key().toJson(), policy.policyId(), policy.members().size()));
        }
        return List.copyOf(largest);
    }

}
