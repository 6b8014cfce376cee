package dev.cutover.framework.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One target entity with its id: what a planner made of one group, what the validator checks, and
 * what a {@link BehaviorModel} executes for a generation.
 *
 * @param id   derived from the group key alone ({@link TargetPlanner#entityId}): re-runs create nothing new
 * @param body the entity, without id and lineage
 */
public record Entity<E>(String id, E body) {

    /**
     * Reads an entity as the framework stores it ({@code {"id", <codec fields>, "members"?}}).
     *
     * @throws IllegalArgumentException naming the entity when the stored JSON is not one of the codec's
     */
    public static <E> Entity<E> stored(JsonCodec<E> codec, String id, JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            throw new IllegalArgumentException("entity " + id + " is not a JSON object");
        }
        ObjectNode body = ((ObjectNode) stored).deepCopy();
        body.remove("id");
        body.remove("members");
        try {
            return new Entity<>(id, codec.fromJson(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entity " + id + ": " + e.getMessage(), e);
        }
    }
}
