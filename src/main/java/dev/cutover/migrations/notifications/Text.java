package dev.cutover.migrations.notifications;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.normalize.LegacyJson;

/**
 * What a string is to the rules of DESIGN.md §5, in one place so every rule reads strings alike:
 * <ul>
 * <li>a string a rule reads is a JSON string without U+0000 (NUL): PostgreSQL text cannot store NUL,
 * so such a value could never be kept (as an id, a tenant, a recipient...) and counts as a value of
 * the wrong JSON type, {@code MALFORMED_RECORD};</li>
 * <li>"trimmed" is leading and trailing white space as {@link String#strip()} defines it
 * (Unicode-aware, the same definition {@link String#isBlank()} uses).</li>
 * </ul>
 */
final class Text {

    private Text() {
    }

    /** @return whether {@code value} is a string a rule can read: a JSON string without U+0000 */
    static boolean isString(JsonNode value) {
        return value.isTextual() && LegacyJson.isStorable(value.textValue());
    }

    /** @return whether {@code value} is a JSON string that only its U+0000 keeps from being read */
    static boolean holdsNul(JsonNode value) {
        return value != null && value.isTextual() && !LegacyJson.isStorable(value.textValue());
    }

    static String trim(String value) {
        return value.strip();
    }
}
