package dev.cutover.migrations.ratelimits.normalize;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

/**
 * The normalizer of {@code rate-limits-v2}: one key of one region (its listed copies) becomes one
 * {@link QuotaLeaf}, the skip {@value #FOLDER}, or one {@link RateAnomaly} with a detail naming the field.
 * <ol>
 * <li>Identity and duplicates ({@link EntryIdentity}): decided first.</li>
 * <li>A key ending in {@code /} is a folder entry: skipped with reason {@value #FOLDER}, its value not examined.</li>
 * <li>Then the key layout ({@link KvKey}) and the value ({@link RateSpelling}) are both examined and the
 * first code in {@link RateAnomaly}'s order wins, so a value of the wrong JSON type
 * ({@code MALFORMED_RECORD}) is reported before a malformed key.</li>
 * </ol>
 * Pure and thread-safe.
 */
public final class KvEntryNormalizer implements RecordNormalizer<QuotaLeaf> {

    /** The skip reason of a folder entry. */
    public static final String FOLDER = "FOLDER";

    private static final NodePath VALUE = NodePath.root("value");

    @Override
    public Normalized<QuotaLeaf> normalize(List<RawItem> copies) {
        Findings<RateAnomaly> findings = new Findings<>();
        Optional<JsonNode> standing = EntryIdentity.resolve(copies, findings);
        if (standing.isEmpty()) {
            return Normalized.anomaly(findings);
        }
        JsonNode entry = standing.get();
        String key = entry.get("key").textValue();
        KvKey.Parsed parsed = KvKey.parse(key);
        if (parsed.folder()) {
            return Normalized.skipped(FOLDER, "key " + KvKey.shown(key) + " is a folder entry");
        }
        if (parsed.problem() != null) {
            findings.add(parsed.problem());
        }
        RateLimit limit = value(Entries.present(entry, "value"), findings);
        if (!findings.isEmpty()) {
            return Normalized.anomaly(findings);
        }
        return Normalized.migrated(QuotaLeaf.of(parsed.setting(), limit));
    }

    private static RateLimit value(JsonNode value, Findings<RateAnomaly> findings) {
        if (value == null) {
            findings.add(Finding.missing(RateAnomaly.MISSING_FIELD, VALUE));
            return null;
        }
        if (!value.isObject() && !LegacyText.isString(value)) {
            findings.add(Finding.wrongType(RateAnomaly.MALFORMED_RECORD, VALUE, "a string or an object", value));
            return null;
        }
        RateSpelling.Read read = RateSpelling.read(value, VALUE);
        if (read.problem() != null) {
            findings.add(read.problem());
        }
        return read.limit();
    }

}
