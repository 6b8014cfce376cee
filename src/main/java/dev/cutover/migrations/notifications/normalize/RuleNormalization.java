package dev.cutover.migrations.notifications.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.cutover.framework.migration.Normalized;
import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.NodePath;

/**
 * Decides the one lineage outcome of one legacy notification rule, per DESIGN.md §5 rules 1–10.
 * <p>
 * Rules 1–4 are decided in order (identity, duplicates, record shape, disabled), each ending the
 * decision when it applies. After them every problem of the spec is collected, across all its
 * leaves, and the record's code is the first of them in {@link AnomalyCode} order. Only a record
 * whose every leaf is valid is migrated into its {@link PolicyLeaf}s, one per {@code simple} leaf, in
 * spec order (depth-first). Grouping into
 * policies (rule 11) is not done here.
 * <p>
 * Pure, stateless and thread-safe: the same copies give the same outcome, detail text included, so a
 * restarted normalize step records exactly what an uninterrupted one would have.
 */
public final class RuleNormalization implements RecordNormalizer<PolicyLeaf> {

    /** Skip reason of rule 4. */
    public static final String DISABLED = "DISABLED";

    /**
     * @param copies either every listed item of one source sharing one usable id (a JSON string
     *               {@code id}), in listing order, or exactly one item without a usable id
     *               ({@link RawItem#id()} {@code null})
     * @return MIGRATED with the leaves, SKIPPED with reason {@value #DISABLED}, or ANOMALY with one
     *         {@link AnomalyCode} name
     * @throws IllegalArgumentException when {@code copies} is empty, mixes sources or ids, or holds
     *                                  several items without a usable id
     */
    @Override
    public Normalized<PolicyLeaf> normalize(List<RawItem> copies) {
        RawItem first = identityOf(copies);
        String source = first.source();
        String id = first.id();

        Findings<AnomalyCode> findings = new Findings<>();
        Optional<RecordShape.Shape> shape = RecordIdentity.resolve(copies, findings)
                .flatMap(record -> RecordShape.check(record, findings));
        if (shape.isEmpty()) {
            return anomaly(findings);
        }
        if (!shape.get().enabled()) {
            return Normalized.skipped(DISABLED, "enabled is false");
        }

        List<PolicyLeaf> leaves = new ArrayList<>();
        for (SpecFlattener.SimpleNode simple : SpecFlattener.flatten(shape.get().spec(), NodePath.root("spec"),
                findings)) {
            SimpleLeafRule.normalize(shape.get().tenant(), simple.node(), simple.path(), findings)
                    .ifPresent(leaves::add);
        }
        if (!findings.isEmpty()) {
            return anomaly(findings);
        }
        if (leaves.isEmpty()) {
            // every spec without leaves ends in an empty bundle or a structural problem, both findings
            throw new IllegalStateException("spec of " + source + "/" + id + " has no leaf and no finding");
        }
        return Normalized.migrated(leaves);
    }

    private static Normalized<PolicyLeaf> anomaly(Findings<AnomalyCode> findings) {
        Finding<AnomalyCode> decisive = findings.decisive().orElseThrow();
        return Normalized.anomaly(decisive.code(), decisive.detail());
    }

    /** @return the first copy, once the copies are known to be one record */
    private static RawItem identityOf(List<RawItem> copies) {
        if (copies == null || copies.isEmpty()) {
            throw new IllegalArgumentException("a record needs at least one listed item");
        }
        RawItem first = copies.get(0);
        if (first.id() == null && copies.size() > 1) {
            throw new IllegalArgumentException("items without a usable id are records of their own, got "
                    + copies.size() + " at index " + first.index() + " of " + first.source());
        }
        for (RawItem copy : copies) {
            if (!Objects.equals(copy.source(), first.source()) || !Objects.equals(copy.id(), first.id())) {
                throw new IllegalArgumentException("copies of one record must share source and id: "
                        + first.source() + "/" + first.id() + " and " + copy.source() + "/" + copy.id());
            }
        }
        return first;
    }
}
