package dev.cutover.framework.migration;

import java.util.List;


/**
 * The normalizer of a migration (DESIGN.md §2, §11): one legacy record in, its one lineage outcome
 * out ({@link Normalized}): migrated into target leaves, skipped with a reason, or one anomaly code
 * with a detail. The framework stores the outcome; it never sees a JSR-352 type.
 * <p>
 * Contract: pure and thread-safe. The same copies give the same outcome, detail text included,
 * whatever the order or the run, so a normalize step restarted after a crash records exactly what an
 * uninterrupted one would have. A record is never dropped: every call returns an outcome, and an
 * exception fails the step (naming the record), which a restart repeats.
 *
 * @param <L> the migration's target leaf: what one legacy record (or one part of it) becomes
 */
@FunctionalInterface
public interface RecordNormalizer<L> {

    /**
     * @param copies either every listed item of one source sharing one usable id, in listing order, or
     *               exactly one item without a usable id; each item's JSON is exactly as listed (read it
     *               with {@link dev.cutover.framework.toolkit.LegacyJson}: it may be hostile)
     */
    Normalized<L> normalize(List<RawItem> copies);
}
