package dev.cutover.framework.normalize;

import java.util.List;

/**
 * The migration-specific half of the normalize step (DESIGN.md §2, §11): one legacy record in, its
 * one lineage outcome out — migrated (with the migration's description of what it becomes), skipped
 * with a reason, or one anomaly code with a detail.
 * <p>
 * Contract: pure and thread-safe. The same copies give the same outcome, detail text included,
 * whatever the order or the run, so a normalize step restarted after a crash records exactly what an
 * uninterrupted one would have.
 */
@FunctionalInterface
public interface RecordNormalizer {

    /**
     * @param copies either every listed item of one source sharing one usable id, in listing order, or
     *               exactly one item without a usable id
     */
    RecordOutcome normalize(List<RawItem> copies);
}
