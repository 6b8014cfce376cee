package dev.cutover.migrations.ratelimits.normalize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.JsonValues;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

/**
 * Decides which listed copy of one key stands, like DESIGN.md §5 rules 1 and 2 for the reference
 * migration:
 * <ul>
 * <li>Every copy, superseded ones included (a copy whose index cannot be read cannot be ranked): not a
 * JSON object, a {@code key} that is not a string without U+0000 or a {@code modify_index} that is not a
 * JSON integer is {@code MALFORMED_RECORD}; either one absent or null is {@code MISSING_FIELD}.</li>
 * <li>The copy with the highest {@code modify_index} stands. Copies at that index that differ as JSON
 * values ({@link JsonValues}: key order ignored, numbers by value) are {@code DUPLICATE_KEY}; equal
 * ones are one record.</li>
 * </ul>
 * Never walks an entry recursively, so an entry nested thousands of levels deep is ranked like any other.
 */
final class EntryIdentity {

    private EntryIdentity() {
    }

    /** @return the standing copy, or empty when a copy is unusable or the copies clash (the reason added to findings) */
    static Optional<JsonNode> resolve(List<RawItem> copies, Findings<RateAnomaly> findings) {
        String prefix = copies.size() > 1 ? "one of " + copies.size() + " copies: " : "";
        List<JsonNode> entries = new ArrayList<>(copies.size());
        for (RawItem copy : copies) {
            identified(copy.json(), prefix, findings).ifPresent(entries::add);
        }
        return findings.isEmpty() ? highestIndex(entries, findings) : Optional.empty();
    }

    private static Optional<JsonNode> identified(String json, String prefix, Findings<RateAnomaly> findings) {
        JsonNode entry;
        try {
            entry = LegacyJson.readTree(json);
        } catch (LegacyJson.UnreadableNumber e) {
            findings.add(RateAnomaly.MALFORMED_RECORD, prefix + "entry holds a number whose exponent is out of range");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            // the parser's message carries positions and internals; the detail stays short and stable
            findings.add(RateAnomaly.MALFORMED_RECORD, prefix + "entry is not valid JSON");
            return Optional.empty();
        }
        if (entry == null || !entry.isObject()) {
            findings.add(RateAnomaly.MALFORMED_RECORD, prefix + "entry: expected an object, got " + JsonDescriptions.describe(entry));
            return Optional.empty();
        }
        boolean usable = true;
        // an array, not List.of: a field without a problem is null
        @SuppressWarnings("unchecked")
        Finding<RateAnomaly>[] problems = new Finding[] {
                typed(entry, "key", "a string", LegacyText::isString),
                typed(entry, "modify_index", "an integer", JsonNode::isIntegralNumber) };
        for (Finding<RateAnomaly> problem : problems) {
            if (problem != null) {
                findings.add(problem.code(), prefix + problem.detail());
                usable = false;
            }
        }
        return usable ? Optional.of(entry) : Optional.empty();
    }

    /** @return the problem of one identity field, or {@code null} when it is present and typed */
    private static Finding<RateAnomaly> typed(JsonNode entry, String field, String expected, Predicate<JsonNode> isTyped) {
        JsonNode value = Entries.present(entry, field);
        if (value == null) {
            return Finding.missing(RateAnomaly.MISSING_FIELD, NodePath.root(field));
        }
        return isTyped.test(value) ? null : Finding.wrongType(RateAnomaly.MALFORMED_RECORD, NodePath.root(field), expected, value);
    }

    private static Optional<JsonNode> highestIndex(List<JsonNode> entries, Findings<RateAnomaly> findings) {
        BigInteger highest = null;
        for (JsonNode entry : entries) {
            BigInteger index = entry.get("modify_index").bigIntegerValue();
            highest = highest == null || index.compareTo(highest) > 0 ? index : highest;
        }
        List<JsonNode> distinct = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry.get("modify_index").bigIntegerValue().equals(highest)
                    && distinct.stream().noneMatch(other -> JsonValues.equal(other, entry))) {
                distinct.add(entry);
            }
        }
        if (distinct.size() > 1) {
            findings.add(RateAnomaly.DUPLICATE_KEY, distinct.size() + " different copies at modify_index " + highest);
            return Optional.empty();
        }
        return Optional.of(distinct.get(0));
    }
}
