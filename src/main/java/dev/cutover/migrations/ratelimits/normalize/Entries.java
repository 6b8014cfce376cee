package dev.cutover.migrations.ratelimits.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access for legacy entries: a JSON {@code null} counts as absent everywhere. */
final class Entries {

    private Entries() {
    }

    /** @return the field's value, or {@code null} when it is absent or JSON {@code null} */
    static JsonNode present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
