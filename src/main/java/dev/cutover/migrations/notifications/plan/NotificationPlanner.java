package dev.cutover.migrations.notifications.plan;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.toolkit.CodePoints;
import dev.cutover.framework.toolkit.SortKey;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;

/**
 * Plans the policies of {@code notification-rules-v2} (DESIGN.md §5 rule 11): the group key of a leaf
 * is (tenant, channel, priority, canonical schedule, timezone); one policy per key, whose recipients
 * are the sorted union of its leaves' recipients. Policy ids derive from the key alone
 * ({@link GroupKey#policyId()}) and the model is in {@link GroupKey#ORDER}, the export's order. Pure.
 */
public final class NotificationPlanner implements TargetPlanner<PolicyLeaf, PolicyBody> {

    @Override
    public JsonNode groupKey(PolicyLeaf leaf) {
        return GroupKey.of(leaf).toJson();
    }

    @Override
    public PolicyBody entity(JsonNode key, List<Migrated<PolicyLeaf>> leaves) {
        GroupKey group = GroupKey.fromJson(key);
        List<String> recipients = new ArrayList<>();
        leaves.forEach(leaf -> recipients.addAll(leaf.leaf().recipients()));
        recipients.sort(CodePoints.ORDER);
        List<String> distinct = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            // a recipient of several leaves is one recipient
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(recipient)) {
                distinct.add(recipient);
            }
        }
        return new PolicyBody(group.tenant(), group.channel(), group.priority(), group.schedule(), group.timezone(),
                distinct);
    }

    @Override
    public String entityId(JsonNode key) {
        return GroupKey.fromJson(key).policyId();
    }

    /** {@link GroupKey#ORDER} as a sort key: tenant, channel, priority (by value), schedule, zone. */
    @Override
    public SortKey keyOrder(JsonNode key) {
        return SortKey.of().text(key.get("tenant").textValue()).text(key.get("channel").textValue())
                .number(key.get("priority").longValue()).text(key.get("schedule").textValue())
                .text(key.get("timezone").textValue());
    }
}
