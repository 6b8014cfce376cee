package dev.cutover.framework.migration;

/**
 * One leaf of one migrated legacy record, with the record it comes from: what a {@link TargetPlanner}
 * groups and what a {@link BehaviorModel} executes for legacy.
 *
 * @param record the legacy record (its lineage member)
 * @param leaf   the leaf, as the migration's {@link RecordNormalizer} made it
 */
public record Migrated<L>(MemberRef record, L leaf) {
}
