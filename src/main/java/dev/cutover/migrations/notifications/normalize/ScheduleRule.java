package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;
import dev.cutover.migrations.notifications.schedule.CronSchedule;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md §5 rule 8: a schedule is a string that {@link CronSchedule#parse(String)} accepts; the
 * cron grammar itself lives in {@link CronSchedule} so the dispatcher and the behavior check read
 * schedules the same way.
 */
final class ScheduleRule {

    private ScheduleRule() {
    }

    /** @param value the present (non-null) schedule value */
    static Optional<CronSchedule> check(JsonNode value, NodePath path, Findings<AnomalyCode> findings) {
        if (!LegacyText.isString(value)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "a string", value));
            return Optional.empty();
        }
        Optional<CronSchedule> schedule = CronSchedule.parse(value.textValue());
        if (schedule.isEmpty()) {
            findings.add(Finding.invalid(AnomalyCode.INVALID_CRON, path,
                    JsonDescriptions.value(value) + " is not a valid five-field cron expression"));
        }
        return schedule;
    }
}
