package dev.cutover.framework.source;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that a {@code /v1/rules} body is the contract's JSON (DESIGN.md §4) and reads it. */
final class RulesPageParser {

    private RulesPageParser() {
    }

    /** @throws SourceFailure naming the field that is missing or of the wrong type */
    static SourcePage parse(String source, String cursor, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new SourceFailure(source, cursor, "the body is not a JSON object", null);
        }
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new SourceFailure(source, cursor, "the body has no 'items' array", null);
        }
        JsonNode next = body.get("next_cursor");
        if (next == null || !(next.isNull() || next.isTextual())) {
            throw new SourceFailure(source, cursor, "'next_cursor' must be a string or null", null);
        }
        long total = integer(source, cursor, body, "total");
        long watermark = integer(source, cursor, body, "watermark");
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return new SourcePage(list, next.isNull() ? null : next.asText(), total, watermark);
    }

    private static long integer(String source, String cursor, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new SourceFailure(source, cursor, "'" + field + "' must be an integer", null);
        }
        return value.asLong();
    }
}
