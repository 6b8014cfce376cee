package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN.md §5 rule 3: the standing copy has a string {@code tenant} ({@link LegacyText#isString}: without
 * U+0000) that is not blank once trimmed, a boolean {@code enabled} and an object {@code spec}. A field of the wrong JSON type is
 * {@code MALFORMED_RECORD}; a missing one (or a blank tenant) is {@code MISSING_FIELD}; all three are
 * checked so that a wrong type elsewhere wins over a missing field. Rule 4 needs {@code enabled}, so
 * this shape is decided before it: a disabled record without a spec is {@code MISSING_FIELD}.
 */
final class RecordShape {

    /**
     * @param tenant  the trimmed tenant, otherwise exact
     * @param enabled whether the legacy rule executes
     * @param spec    the spec object, not examined yet
     */
    record Shape(String tenant, boolean enabled, JsonNode spec) {
    }

    private RecordShape() {
    }

    /** @return the record's shape, or empty when rule 3 rejects it (the reasons added to findings) */
    static Optional<Shape> check(JsonNode record, Findings<AnomalyCode> findings) {
        String tenant = tenant(record, findings);
        JsonNode enabled = required(record, "enabled", "a boolean", JsonNode::isBoolean, findings);
        JsonNode spec = required(record, "spec", "an object", JsonNode::isObject, findings);
        if (tenant == null || enabled == null || spec == null) {
            return Optional.empty();
        }
        return Optional.of(new Shape(tenant, enabled.booleanValue(), spec));
    }

    private static String tenant(JsonNode record, Findings<AnomalyCode> findings) {
        JsonNode value = required(record, "tenant", "a string", LegacyText::isString, findings);
        if (value == null) {
            return null;
        }
        String tenant = LegacyText.trim(value.textValue());
        if (tenant.isEmpty()) {
            // a tenant of blanks names nobody: it is as good as absent
            findings.add(new Finding<>(AnomalyCode.MISSING_FIELD, "tenant is blank"));
            return null;
        }
        return tenant;
    }

    /** @return the field's value when present and of the expected type, else {@code null} */
    private static JsonNode required(JsonNode record, String field, String expected,
            Predicate<JsonNode> isTyped, Findings<AnomalyCode> findings) {
        JsonNode value = Fields.present(record, field);
        NodePath path = NodePath.root(field);
        if (value == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, path));
            return null;
        }
        if (!isTyped.test(value)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, expected, value));
            return null;
        }
        return value;
    }
}
