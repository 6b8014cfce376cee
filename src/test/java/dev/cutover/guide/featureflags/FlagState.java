package dev.cutover.guide.featureflags;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.toolkit.LegacyText;

/**
 * The spellings of a legacy flag state: JSON {@code true}/{@code false}, the integers {@code 1}/{@code 0},
 * and the strings below (trimmed, case-insensitive). Pure.
 */
final class FlagState {

    static final Set<String> ON = Set.of("on", "true", "1", "enabled", "yes");
    static final Set<String> OFF = Set.of("off", "false", "0", "disabled", "no");

    private FlagState() {
    }

    /** @return the state, or {@code null} when {@code value} (a scalar or JSON null) is no known spelling */
    static Boolean read(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            BigInteger number = value.bigIntegerValue();
            return number.equals(BigInteger.ONE) ? Boolean.TRUE : number.signum() == 0 ? Boolean.FALSE : null;
        }
        if (LegacyText.isString(value)) {
            String spelling = LegacyText.trim(value.textValue()).toLowerCase(Locale.ROOT);
            return ON.contains(spelling) ? Boolean.TRUE : OFF.contains(spelling) ? Boolean.FALSE : null;
        }
        return null;
    }
}
