package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;
import dev.cutover.migrations.notifications.schedule.CronSchedule;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Normalizes one {@code simple} spec node into a {@link PolicyLeaf} (DESIGN.md §5 rules 5–10).
 * Every field is checked even after a first problem, because the record's code is the first of all
 * its problems in {@link AnomalyCode} order, not the first one met.
 */
final class SimpleLeafRule {

    private SimpleLeafRule() {
    }

    /**
     * @param tenant the record's trimmed tenant
     * @param simple a spec node whose {@code kind} is {@code simple}
     * @param path   the path of {@code simple}
     * @return the leaf, or empty when any field is missing or invalid (each problem added to findings)
     */
    static Optional<PolicyLeaf> normalize(String tenant, JsonNode simple, NodePath path, Findings<AnomalyCode> findings) {
        NodePath channelPath = path.field("channel");
        Optional<Channel> channel = required(simple, "channel", channelPath, findings)
                .flatMap(value -> channel(value, channelPath, findings));

        NodePath priorityPath = path.field("priority");
        Optional<Integer> priority = required(simple, "priority", priorityPath, findings)
                .flatMap(value -> PriorityRule.check(value, priorityPath, findings));

        NodePath schedulePath = path.field("schedule");
        Optional<JsonNode> legacySchedule = required(simple, "schedule", schedulePath, findings);
        Optional<CronSchedule> schedule = legacySchedule
                .flatMap(value -> ScheduleRule.check(value, schedulePath, findings));

        Optional<String> timezone = TimezoneRule.check(Fields.present(simple, "timezone"), path.field("timezone"),
                findings);

        NodePath recipientsPath = path.field("recipients");
        Optional<List<String>> recipients = required(simple, "recipients", recipientsPath, findings)
                .flatMap(value -> RecipientRule.check(value, channel, recipientsPath, findings));

        if (channel.isEmpty() || priority.isEmpty() || schedule.isEmpty() || timezone.isEmpty()
                || recipients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyLeaf(tenant, channel.get().wireName(), priority.get(),
                schedule.get().canonical(), legacySchedule.get().textValue(), timezone.get(), recipients.get()));
    }

    /** Rule 6: a string naming a known channel once trimmed and lower-cased. */
    private static Optional<Channel> channel(JsonNode value, NodePath path, Findings<AnomalyCode> findings) {
        if (!LegacyText.isString(value)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "a string", value));
            return Optional.empty();
        }
        Optional<Channel> channel = Channel.fromLegacy(value.textValue());
        if (channel.isEmpty()) {
            findings.add(Finding.invalid(AnomalyCode.UNKNOWN_CHANNEL, path,
                    JsonDescriptions.value(value) + " is not " + Channel.choices()));
        }
        return channel;
    }

    /** @return the field's value, or empty with MISSING_FIELD added when it is absent */
    private static Optional<JsonNode> required(JsonNode simple, String name, NodePath path, Findings<AnomalyCode> findings) {
        JsonNode value = Fields.present(simple, name);
        if (value == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, path));
        }
        return Optional.ofNullable(value);
    }
}
