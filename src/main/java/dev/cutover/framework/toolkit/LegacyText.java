package dev.cutover.framework.toolkit;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * What a string in a legacy record is to a normalizer, in one place so that every rule of every
 * migration reads strings alike:
 * <ul>
 * <li>a string a rule reads is a JSON string without U+0000 (NUL) and without unpaired UTF-16
 * surrogates: PostgreSQL text cannot store NUL, and stores a lone surrogate as {@code ?}, so such a
 * value could never be kept as it is (as an id, a tenant, a recipient...) and counts as a value of the
 * wrong JSON type (the reference migration reports {@code MALFORMED_RECORD});</li>
 * <li>"trimmed" is leading and trailing white space as {@link String#strip()} defines it
 * (Unicode-aware, the same definition {@link String#isBlank()} uses).</li>
 * </ul>
 */
public final class LegacyText {

    private LegacyText() {
    }

    /** @return whether {@code value} is a string a rule can read: a JSON string that {@link LegacyJson#isStorable} */
    public static boolean isString(JsonNode value) {
        return value.isTextual() && LegacyJson.isStorable(value.textValue());
    }

    /** @return whether {@code value} is a JSON string that only its U+0000 or a lone surrogate keeps from being read */
    public static boolean holdsNul(JsonNode value) {
        return value != null && value.isTextual() && !LegacyJson.isStorable(value.textValue());
    }

    public static String trim(String value) {
        return value.strip();
    }
}
