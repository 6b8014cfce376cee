package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.toolkit.JsonValues;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * DESIGN.md §5 rules 1 and 2: decides which listed copy of a record stands.
 * <ul>
 * <li>Rule 1 is checked on every copy, superseded ones included, because a copy whose version cannot
 * be read cannot be ranked: an item that is not a JSON object, an {@code id} that is not a string
 * ({@link LegacyText#isString}: one holding U+0000 is not) or a {@code version} that is not a JSON integer is
 * {@code MALFORMED_RECORD}; a missing {@code id} or {@code version} is {@code MISSING_FIELD} (the former
 * wins when both occur).</li>
 * <li>Rule 2: the copy with the highest version stands. Copies at that version that differ as JSON
 * values ({@link JsonValues}: key order ignored, numbers by value, so {@code 1} and {@code 1.0} are
 * equal) are {@code DUPLICATE_ID}; equal ones are one record, and the first listed of them stands.</li>
 * </ul>
 * Items are read with {@link LegacyJson}'s limits and never walked recursively, so a copy nested
 * thousands of levels deep is ranked and compared like any other.
 */
final class RecordIdentity {

    private RecordIdentity() {
    }

    /**
     * @param copies the listed items of one record (one item when it has no usable id), in listing order
     * @return the standing copy, or empty when rule 1 or 2 rejects the record (the reason added to findings)
     */
    static Optional<JsonNode> resolve(List<RawItem> copies, Findings<AnomalyCode> findings) {
        List<JsonNode> items = new ArrayList<>(copies.size());
        String prefix = copies.size() > 1 ? "one of " + copies.size() + " copies: " : "";
        for (RawItem copy : copies) {
            Optional<JsonNode> item = identified(copy.json(), prefix, findings);
            item.ifPresent(items::add);
        }
        if (!findings.isEmpty()) {
            return Optional.empty();
        }
        return highestVersion(items, findings);
    }

    /** @return the parsed item when rule 1 holds for it */
    private static Optional<JsonNode> identified(String json, String prefix, Findings<AnomalyCode> findings) {
        JsonNode item;
        try {
            item = LegacyJson.readTree(json);
        } catch (LegacyJson.UnreadableNumber e) {
            findings.add(new Finding<>(AnomalyCode.MALFORMED_RECORD, prefix + "item holds a number whose exponent is out of range"));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            // the message carries parser positions and internals; the detail stays short and stable
            findings.add(new Finding<>(AnomalyCode.MALFORMED_RECORD, prefix + "item is not valid JSON"));
            return Optional.empty();
        }
        if (item == null || !item.isObject()) {
            findings.add(new Finding<>(AnomalyCode.MALFORMED_RECORD,
                    prefix + "item: expected an object, got " + JsonDescriptions.describe(item)));
            return Optional.empty();
        }
        boolean usable = true;
        for (Finding<AnomalyCode> problem : Arrays.asList(
                typed(item, "id", "a string", LegacyText::isString),
                typed(item, "version", "an integer", JsonNode::isIntegralNumber))) {
            if (problem != null) {
                findings.add(new Finding<>(problem.code(), prefix + problem.detail()));
                usable = false;
            }
        }
        return usable ? Optional.of(item) : Optional.empty();
    }

    /** @return the rule-1 problem of one identity field, or {@code null} when it is present and typed */
    private static Finding<AnomalyCode> typed(JsonNode item, String field, String expected, Predicate<JsonNode> isTyped) {
        JsonNode value = Fields.present(item, field);
        if (value == null) {
            return Finding.missing(AnomalyCode.MISSING_FIELD, NodePath.root(field));
        }
        return isTyped.test(value) ? null : Finding.wrongType(AnomalyCode.MALFORMED_RECORD, NodePath.root(field), expected, value);
    }

    private static Optional<JsonNode> highestVersion(List<JsonNode> items, Findings<AnomalyCode> findings) {
        BigInteger highest = null;
        for (JsonNode item : items) {
            BigInteger version = item.get("version").bigIntegerValue();
            if (highest == null || version.compareTo(highest) > 0) {
                highest = version;
            }
        }
        List<JsonNode> distinct = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.get("version").bigIntegerValue().equals(highest) && !containsEqual(distinct, item)) {
                distinct.add(item);
            }
        }
        if (distinct.size() > 1) {
            findings.add(new Finding<>(AnomalyCode.DUPLICATE_ID,
                    distinct.size() + " different copies at version " + highest));
            return Optional.empty();
        }
        return Optional.of(distinct.get(0));
    }

    // not List.contains: JsonNode.equals recurses (a deep copy overflows the stack) and compares 1 and 1.0 as different
    private static boolean containsEqual(List<JsonNode> items, JsonNode item) {
        for (JsonNode other : items) {
            if (JsonValues.equal(other, item)) {
                return true;
            }
        }
        return false;
    }
}
