package dev.cutover.migrations.notifications.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access with the one rule of DESIGN.md §5 that applies everywhere: a JSON null is absent. */
final class Fields {

    private Fields() {
    }

    /** @return the field's value, or {@code null} when it is missing or JSON {@code null} */
    static JsonNode present(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
