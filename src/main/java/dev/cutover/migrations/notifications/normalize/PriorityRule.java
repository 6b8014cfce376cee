package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md §5 rule 7: a priority is a JSON integer 1–5 or a string {@code P1}–{@code P5}
 * (case-insensitive, trimmed). Any other integer or string is {@code PRIORITY_OUT_OF_RANGE}; any other
 * JSON type, including a number with a fraction part or exponent such as {@code 3.0}, is
 * {@code MALFORMED_RECORD}, because the legacy schema only ever allowed integers and strings.
 */
final class PriorityRule {

    private static final Pattern LABEL = Pattern.compile("[pP][1-5]");
    private static final BigInteger LOWEST = BigInteger.ONE;
    private static final BigInteger HIGHEST = BigInteger.valueOf(5);

    private PriorityRule() {
    }

    /** @param value the present (non-null) priority value */
    static Optional<Integer> check(JsonNode value, NodePath path, Findings<AnomalyCode> findings) {
        if (value.isIntegralNumber()) {
            // BigInteger so a huge integer is out of range rather than silently wrapped
            BigInteger number = value.bigIntegerValue();
            if (number.compareTo(LOWEST) >= 0 && number.compareTo(HIGHEST) <= 0) {
                return Optional.of(number.intValue());
            }
        } else if (LegacyText.isString(value)) {
            String label = LegacyText.trim(value.textValue());
            if (LABEL.matcher(label).matches()) {
                return Optional.of(label.charAt(1) - '0');
            }
        } else {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "an integer or a string", value));
            return Optional.empty();
        }
        findings.add(Finding.invalid(AnomalyCode.PRIORITY_OUT_OF_RANGE, path,
                JsonDescriptions.value(value) + " is not 1-5 or P1-P5"));
        return Optional.empty();
    }
}
