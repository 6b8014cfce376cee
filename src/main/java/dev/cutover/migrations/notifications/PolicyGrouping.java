package dev.cutover.migrations.notifications;

import dev.cutover.framework.plan.CodePoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            policies.add(new Policy(key, key.policyId(), sortedDistinct(group.recipients, CodePoints.ORDER),
                    sortedDistinct(group.records, Comparator.naturalOrder())));
        }
        return policies;
    }

    // a record with several leaves in one group is still one member, a recipient of several leaves one recipient
    private static <T> List<T> sortedDistinct(List<T> values, Comparator<? super T> order) {
        values.sort(order);
        List<T> distinct = new ArrayList<>(values.size());
        for (T value : values) {
            if (distinct.isEmpty() || order.compare(distinct.get(distinct.size() - 1), value) != 0) {
                distinct.add(value);
            }
        }
        return distinct;
    }

    // lists rather than tree sets: most groups are small, and nodes per element add up at 100k records
    private static final class Members {
        final List<String> recipients = new ArrayList<>(4);
        final List<MemberRef> records = new ArrayList<>(2);
    }
}
