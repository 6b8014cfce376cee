package dev.cutover.framework.activate;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelPointer;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.model.ModelGeneration;
import dev.cutover.framework.run.EntityFlush;

/**
 * Switches the executing model of a migration: the write side of {@link ExecutingModelReader}. Every
 * switch is one short transaction of the caller's that touches a constant number of rows, however large
 * the model (the entities of a generation are written before, inert, and never rewritten): it locks the
 * migration's {@link ExecutingModelPointer} row, so concurrent switches serialize and readers see the old or
 * the new model, never a mix. A crash before commit leaves the old model executing.
 */
@ApplicationScoped
public class GenerationSwitch {

    @Inject
    ExecutingModelReader reader;

    /**
     * @return the executing model; legacy when nothing was ever activated
     * @see ExecutingModelReader#current(String)
     */
    public ExecutingModel current(String migration) {
        return reader.current(migration);
    }

    /**
     * Makes run {@code runId}'s staged model the executing one, as the next generation number.
     * Must run inside a transaction; the switch is flushed before this returns ({@link EntityFlush}),
     * so a JDBC read later in that transaction (the reader, the views) sees it.
     *
     * @return the new generation number
     */
    public int activate(String migration, long runId, String digest, String entityKind, long executionId) {
        // the next generation number is computed under the pointer's lock: two activations cannot both take it
        ExecutingModelPointer pointer = ExecutingModelPointer.lock(migration);
        int next = ModelGeneration.nextNumber(migration);
        new ModelGeneration(migration, next, runId, digest, entityKind, executionId).persist();
        pointer.switchTo(next);
        EntityFlush.beforeJdbc();
        return next;
    }

    /**
     * Switches back to the generation that executed before the current one (0 = legacy). Must run
     * inside a transaction; flushed before this returns, like {@link #activate}.
     *
     * @return the generation now executing, or empty when there is nothing to roll back to
     */
    public Optional<Integer> rollback(String migration) {
        Optional<Integer> previous = ExecutingModelPointer.lock(migration).switchBack();
        EntityFlush.beforeJdbc();
        return previous;
    }
}
