package dev.cutover.migrations.notifications;

import dev.cutover.framework.plan.CodePoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups leaves into policies (DESIGN.md §5 rule 11): one policy per {@link GroupKey}, with the
 * sorted union of its leaves' recipients and the distinct records that contributed a leaf.
 */
final class PolicyGrouping {

    private PolicyGrouping() {
    }

    /** @return one policy per distinct key, in {@link GroupKey#ORDER}, whatever the order of the leaves */
    static List<Policy> group(List<MigratedLeaf> leaves) {
        // hash first and sort the (far fewer) keys once, instead of a tree lookup per leaf
        Map<GroupKey, Members> groups = new HashMap<>();
        for (MigratedLeaf migrated : leaves) {
            Members group = groups.computeIfAbsent(GroupKey.of(migrated.leaf()), key -> new Members());
            group.recipients.addAll(migrated.leaf().recipients());
            group.records.add(migrated.record());
        }
        List<GroupKey> keys = new ArrayList<>(groups.keySet());
        keys.sort(GroupKey.ORDER);
        List<Policy> policies = new ArrayList<>(keys.size());
        for (GroupKey key : keys) {
            Members group = groups.get(key);
            policies.add(new Policy(key, key.policyId(), new ArrayList<>(group.recipients),
                    new ArrayList<>(group.records)));
        }
        return policies;
    }

    private static final class Members {
        final TreeSet<String> recipients = new TreeSet<>(CodePoints.ORDER);
        // a record with several leaves in one group is still one member: a set, not a count
        final TreeSet<MemberRef> records = new TreeSet<>();
    }
}
