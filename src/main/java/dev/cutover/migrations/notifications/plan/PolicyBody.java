package dev.cutover.migrations.notifications.plan;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A policy, the target entity of {@code notification-rules-v2}, as stored and exported (DESIGN.md §8):
 * its group key's fields and its recipients. The framework adds its id and lineage members.
 *
 * @param recipients the union of its leaves' recipients, sorted in code-point order, at least one
 */
@RegisterForReflection
public record PolicyBody(String tenant, String channel, int priority, String schedule, String timezone,
        List<String> recipients) {

    public PolicyBody {
        recipients = List.copyOf(recipients);
    }

    public GroupKey key() {
        return new GroupKey(tenant, channel, priority, schedule, timezone);
    }
}
