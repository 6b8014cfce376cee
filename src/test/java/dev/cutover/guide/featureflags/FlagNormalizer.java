package dev.cutover.guide.featureflags;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonValues;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

/**
 * Decides one legacy flag record {@code {"id", "version", "app", "env", "flags": {name: state}}}:
 * migrated into one {@link FlagLeaf} per flag (in listed order), skipped as {@value #NO_FLAGS} when
 * {@code flags} is empty, or one {@link AnomalyCode}. Every problem of the record is collected and the
 * first code in {@link AnomalyCode} order decides; a JSON {@code null} counts as absent.
 * <p>
 * Copies of one id: the highest {@code version} stands; copies at that version that differ (as JSON
 * values, key order ignored) are {@code MALFORMED_RECORD}. Pure and thread-safe.
 */
public final class FlagNormalizer implements RecordNormalizer<FlagLeaf> {

    /** Skip reason of a record whose {@code flags} object is empty. */
    public static final String NO_FLAGS = "NO_FLAGS";

    @Override
    public Normalized<FlagLeaf> normalize(List<RawItem> copies) {
        Findings<AnomalyCode> findings = new Findings<>();
        JsonNode record = standing(copies, findings);
        if (record == null) {
            return Normalized.anomaly(findings);
        }
        String app = name(record, "app", findings);
        String env = name(record, "env", findings);
        JsonNode flags = present(record, "flags");
        if (flags == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, NodePath.root("flags")));
        } else if (!flags.isObject()) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, NodePath.root("flags"), "an object", flags));
        }
        if (!findings.isEmpty()) {
            return Normalized.anomaly(findings);
        }
        if (flags.isEmpty()) {
            return Normalized.skipped(NO_FLAGS, "flags is empty");
        }
        List<FlagLeaf> leaves = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> flag : flags.properties()) {
            NodePath path = NodePath.root("flags").field(flag.getKey());
            String name = LegacyText.trim(flag.getKey());
            JsonNode value = flag.getValue();
            if (name.isEmpty() || !LegacyJson.isStorable(name)) {
                findings.add(Finding.invalid(AnomalyCode.MALFORMED_RECORD, path, "a flag name must be non-blank text"));
            } else if (!seen.add(name)) {
                findings.add(Finding.invalid(AnomalyCode.MALFORMED_RECORD, path, "flag '" + name + "' is given twice"));
            } else if (value.isContainerNode()) {
                findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, path, "a state", value));
            } else {
                Boolean enabled = FlagState.read(value);
                if (enabled == null) {
                    findings.add(Finding.wrongType(AnomalyCode.UNKNOWN_STATE, path, "on or off", value));
                } else {
                    leaves.add(new FlagLeaf(app, env, name, enabled));
                }
            }
        }
        return findings.isEmpty() ? Normalized.migrated(leaves) : Normalized.anomaly(findings);
    }

    /** @return the copy that stands, or {@code null} when none can (the reason added to findings) */
    private static JsonNode standing(List<RawItem> copies, Findings<AnomalyCode> findings) {
        List<JsonNode> items = new ArrayList<>();
        for (RawItem copy : copies) {
            JsonNode item;
            try {
                item = LegacyJson.MAPPER.readTree(copy.json());
            } catch (Exception e) {
                findings.add(AnomalyCode.MALFORMED_RECORD, "item is not valid JSON");
                continue;
            }
            if (item == null || !item.isObject()) {
                findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, NodePath.root("item"), "an object", item));
                continue;
            }
            typed(item, "id", "a string", LegacyText.isString(item.path("id")), findings);
            typed(item, "version", "an integer", item.path("version").isIntegralNumber(), findings);
            items.add(item);
        }
        if (!findings.isEmpty()) {
            return null;
        }
        BigInteger highest = items.stream().map(i -> i.get("version").bigIntegerValue()).max(BigInteger::compareTo).orElseThrow();
        List<JsonNode> atHighest = items.stream().filter(i -> i.get("version").bigIntegerValue().equals(highest)).toList();
        if (atHighest.stream().anyMatch(i -> !JsonValues.equal(i, atHighest.get(0)))) {
            findings.add(AnomalyCode.MALFORMED_RECORD, "different copies at version " + highest);
            return null;
        }
        return atHighest.get(0);
    }

    private static void typed(JsonNode item, String field, String expected, boolean typed, Findings<AnomalyCode> findings) {
        JsonNode value = present(item, field);
        if (value == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, NodePath.root(field)));
        } else if (!typed) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, NodePath.root(field), expected, value));
        }
    }

    /** @return the trimmed {@code app} or lower-cased {@code env}; {@code null} with a finding when unusable */
    private static String name(JsonNode record, String field, Findings<AnomalyCode> findings) {
        JsonNode value = present(record, field);
        if (value != null && !LegacyText.isString(value)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, NodePath.root(field), "a string", value));
            return null;
        }
        String text = value == null ? "" : LegacyText.trim(value.textValue());
        if (text.isEmpty()) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, NodePath.root(field)));
            return null;
        }
        return field.equals("env") ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** A JSON {@code null} counts as absent. */
    private static JsonNode present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

}
