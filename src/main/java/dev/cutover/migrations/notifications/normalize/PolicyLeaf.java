package dev.cutover.migrations.notifications.normalize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One valid {@code simple} leaf of a migrated legacy rule, normalized per DESIGN.md §5.
 *
 * @param tenant         trimmed tenant
 * @param channel        trimmed, lower-cased channel: email, sms, webhook or pager
 * @param priority       1..5
 * @param schedule       canonical cron form (rule 8)
 * @param legacySchedule the schedule exactly as the legacy rule wrote it (for the behavior check)
 * @param timezone       tz region id, {@code UTC} when absent
 * @param recipients     normalized, deduplicated, sorted (code-point order)
 */
@RegisterForReflection
public record PolicyLeaf(String tenant, String channel, int priority, String schedule, String legacySchedule,
        String timezone, List<String> recipients) {
}
