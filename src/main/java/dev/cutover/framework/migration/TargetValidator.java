package dev.cutover.framework.migration;

import java.util.function.Consumer;

/**
 * The validator of a migration: structural checks of one staged entity that only the migration
 * understands (for the reference migration: every policy has a recipient). The framework checks the
 * rest (counts, lineage, completeness of the sources) and streams the staged entities through this
 * one at a time, in model order.
 * <p>
 * Contract: pure and thread-safe; reads only what it is given, so a restarted validate step finds the
 * same problems.
 *
 * @param <E> the migration's target entity
 */
@FunctionalInterface
public interface TargetValidator<E> {

    /** @param problems takes one line per problem found (the framework names the entity before it) */
    void check(Entity<E> entity, Consumer<String> problems);

    /** @return a validator that finds nothing wrong (for a migration whose planner cannot make a bad entity) */
    static <E> TargetValidator<E> none() {
        return (entity, problems) -> {
        };
    }
}
