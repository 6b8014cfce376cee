package dev.cutover.framework.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Short descriptions of JSON values for anomaly details. Scalars are shown as JSON text (cut to a
 * bounded length, U+0000, other control characters and lone surrogates escaped); objects and arrays only by their
 * type, because identical copies of a record may differ in key order and a detail must not depend on
 * which copy was listed first, and because a legacy tree may be nested too deep to serialize.
 */
public final class JsonDescriptions {

    /** Longest shown value, in code points; legacy values can be arbitrarily long. */
    private static final int MAX_SHOWN = 60;

    private JsonDescriptions() {
    }

    /** @return e.g. {@code string "fax"}, {@code number 3.5}, {@code boolean true}, {@code object} */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string " + value(node);
        }
        if (node.isNumber()) {
            return "number " + value(node);
        }
        if (node.isBoolean()) {
            return "boolean " + value(node);
        }
        return node.isArray() ? "array" : node.isObject() ? "object" : "binary";
    }

    /** @return a scalar as JSON text, e.g. {@code "fax"} or {@code 7}, cut to a bounded length */
    public static String value(JsonNode scalar) {
        if (scalar.isContainerNode()) {
            // never serialized: that recurses, and fails beyond 1000 levels, on a legacy tree of any depth
            return scalar.isArray() ? "array" : "object";
        }
        // a lone surrogate is written as its escape, as U+0000 is: a detail is stored, and must say what was there
        return bounded(LegacyJson.unpairedSurrogatesEscaped(scalar.toString()));
    }

    /**
     * @return a legacy id as a message shows it: as it is when it is short and holds no control character
     *         ({@code r-1}), else as a JSON string cut short ({@code "r-\u001b[2K..."}), so that an id cannot
     *         forge a line of output or fill a terminal
     */
    public static String id(String id) {
        boolean plain = id.codePointCount(0, id.length()) <= MAX_SHOWN && LegacyJson.isStorable(id)
                && id.codePoints().noneMatch(Character::isISOControl);
        return plain ? id : value(TextNode.valueOf(id));
    }

    private static String bounded(String json) {
        if (json.codePointCount(0, json.length()) <= MAX_SHOWN) {
            return json;
        }
        // cut on a code point boundary so the detail stays valid UTF-16
        return json.substring(0, json.offsetByCodePoints(0, MAX_SHOWN)) + "...";
    }
}
