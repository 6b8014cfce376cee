package dev.cutover.framework.migration;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.toolkit.Sha256;
import dev.cutover.framework.toolkit.SortKey;

/**
 * The planner of a migration (DESIGN.md §11): a deterministic grouping key per migrated leaf, and the
 * target entity of each group. The framework does the grouping, the ordering, the lineage and the
 * digest, so a planner never sees all records at once: it is handed one leaf ({@link #groupKey}) or
 * one group ({@link #entity}) at a time.
 * <p>
 * Contract: pure and thread-safe. Equal keys (as canonical JSON text) make one entity; the entity of
 * a group depends only on its key and its leaves (in member order), so the same records in any order,
 * after any restart, give the same model and digest.
 *
 * @param <L> the migration's target leaf
 * @param <E> the migration's target entity
 */
public interface TargetPlanner<L, E> {

    /**
     * @return the leaf's group key, a JSON object of scalars (for the report's {@code groups.largest}
     *         too); keys are compared by their JSON text, so spell equal keys identically
     */
    JsonNode groupKey(L leaf);

    /**
     * @param key    the group's key
     * @param leaves every leaf with that key, ordered by member (then in its record's leaf order)
     * @return the group's target entity, without id and lineage (the framework adds both)
     */
    E entity(JsonNode key, List<Migrated<L>> leaves);

    /**
     * @return the id of the entity of {@code key}, derived from the key alone; by default the first 16
     *         hex digits of the SHA-256 of the key's JSON text
     */
    default String entityId(JsonNode key) {
        return Sha256.hex(key.toString()).substring(0, 16);
    }

    /**
     * @return where the group of {@code key} goes in the model's order (the plan, stage and export
     *         order): keys are sorted by this text in code-point order, ties by the keys' JSON text, so
     *         the database sorts a model of any size. By default the key's JSON text itself. Build it
     *         with {@link SortKey}, field by field, to order by fields or by numeric value.
     */
    default SortKey keyOrder(JsonNode key) {
        return SortKey.of().text(key.toString());
    }

    /**
     * Looks across the planned model for plan anomalies that no single record shows (for example
     * regional copies of one setting that disagree). They are reported and enter the digest like the
     * framework's own plan anomalies, and each blocks {@code apply} unless its code is accepted.
     * By default there are none.
     *
     * @param entities  the planned entities in model order ({@link #keyOrder}), each once
     * @param anomalies takes (code, detail): an upper-case code ({@code [A-Z][A-Z_]*}) and a
     *                  deterministic detail naming the records or entities concerned
     */
    default void checkModel(Stream<Entity<E>> entities, BiConsumer<String, String> anomalies) {
    }
}
