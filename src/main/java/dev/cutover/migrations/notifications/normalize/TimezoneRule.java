package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md §5 rule 9: an absent timezone is {@code UTC}; a present one must be exactly (untrimmed,
 * case-sensitive) a region id that {@link ZoneId#getAvailableZoneIds()} lists, aliases included and
 * kept as written. Offsets such as {@code +02:00} are not region ids, so they are
 * {@code UNKNOWN_TIMEZONE}.
 */
final class TimezoneRule {

    static final String DEFAULT = "UTC";

    // getAvailableZoneIds() builds a fresh mutable set on each call; the tz data does not change at run time
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private TimezoneRule() {
    }

    /** @param value the timezone value, or {@code null} when absent */
    static Optional<String> check(JsonNode value, NodePath path, Findings<AnomalyCode> findings) {
        if (value == null) {
            return Optional.of(DEFAULT);
        }
        if (!LegacyText.isString(value)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "a string", value));
            return Optional.empty();
        }
        if (!REGION_IDS.contains(value.textValue())) {
            findings.add(Finding.invalid(AnomalyCode.UNKNOWN_TIMEZONE, path,
                    JsonDescriptions.value(value) + " is not a tz database region id"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }
}
