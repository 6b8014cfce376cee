package dev.cutover.framework.model;

/**
 * One entity of an executing generation, as stage wrote it: immutable once its generation is visible.
 *
 * @param id   the entity's id, derived by the migration's planner from the entity's key
 * @param body the entity as JSON text, in the migration's own shape (without its lineage members)
 */
public record ExecutingEntity(String id, String body) {
}
