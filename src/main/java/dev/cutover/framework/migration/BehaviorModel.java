package dev.cutover.framework.migration;

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a model of the migration does (DESIGN.md §11): one executable form {@code M}, built from
 * legacy records or from target entities alike, used both by the behavioral-equivalence gate of the
 * plan step ({@link #compare}) and by the migration's live executor (through
 * {@code framework.model.ExecutingBehavior}), so the gate and the live behavior can
 * never disagree about what a model does.
 * <p>
 * Contract: pure and thread-safe; {@code M} is immutable once built and safe to share between threads
 * (the live executor's model is cached and read by every unit of work). The plan's gate builds and
 * compares the models of a share on a thread of its own, one share at a time, while the plan step calls
 * {@link #partition} for the next groups. Building reads each element once, in the stream's order,
 * and must not keep the stream.
 *
 * @param <L> the migration's target leaf
 * @param <E> the migration's target entity
 * @param <M> the executable model
 */
public interface BehaviorModel<L, E, M> {

    /**
     * @param records the leaves of the migrated records standing in for the legacy system, in record order
     * @throws IllegalStateException naming the record when one cannot be executed exactly
     */
    M legacy(Stream<Migrated<L>> records);

    /**
     * @param entities the entities of a planned model or of an activated generation, in model order
     * @throws IllegalStateException naming the entity when one cannot be executed exactly
     */
    M target(Stream<Entity<E>> entities);

    /** @return the model that does nothing (legacy before any retrieval completed) */
    M empty();

    /**
     * @param horizonStart the plan's start (UTC, whole minute), for a behavior over time
     * @return whether the planned model does exactly what the legacy one does, over the whole population
     */
    BehaviorCheck compare(M legacy, M planned, Instant horizonStart);

    /**
     * The partition of the decisions made for the group of {@code groupKey} ({@link TargetPlanner#groupKey}).
     * Decisions made for groups of different partitions never coincide (the partition is part of what a
     * decision is about, for example its tenant), and the groups of one partition are adjacent in the
     * model's order (build {@link TargetPlanner#keyOrder} with the partition's fields first). The plan's
     * gate then builds and compares models of a few partitions at a time, holding that share of the
     * population only, and adds the counts.
     * <p>
     * By default one partition: the gate holds the whole population. A wrong partition cannot make an
     * unequal population pass (equal shares make equal wholes); it can only miscount or report a change
     * that the whole would not show.
     */
    default String partition(JsonNode groupKey) {
        return "";
    }

    /**
     * The key a live executor reads the leaf by: a unit of work reads the elements of the executing
     * model with the keys it is about, through an index of the model by key, instead of the whole model
     * ({@code ExecutingBehavior#inSnapshotByKey}), so its memory does not grow with the model. For a unit
     * about one partition of the decisions, the leaf's {@link #partition} (the rate-limit admission
     * checker: the service); for a tick about what is due, what decides it (the dispatcher: the schedule
     * as spelled, and its zone). By default {@code ""}: one key, the whole model.
     */
    default String leafKey(L leaf) {
        return "";
    }

    /** The key a live executor reads the entity by, as {@link #leafKey}; by default {@code ""}. */
    default String entityKey(E entity) {
        return "";
    }

    /**
     * @return how the plan report's {@code BEHAVIOR_CHANGE} explains an unequal check; by default the
     *         two counts
     */
    default String describeChange(BehaviorCheck check) {
        String over = check.horizonHours() > 0 ? "over " + check.horizonHours() + " h " : "";
        return over + "the legacy model makes " + check.legacyDispatches() + " decisions and the planned model "
                + check.newDispatches() + ", not the same";
    }
}
