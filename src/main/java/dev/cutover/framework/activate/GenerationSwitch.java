package dev.cutover.framework.activate;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelPointer;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.model.ModelGeneration;
import dev.cutover.framework.run.EntityFlush;
import io.quarkus.narayana.jta.QuarkusTransaction;

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
     * Runs {@link #activate} in a transaction of its own and rolls it back: nothing changes, but
     * Hibernate has built the switch's statements (the locked load of the pointer, the insert of the
     * generation, the update of the pointer), which it builds the first time a process runs them.
     * Called just before the real switch, it keeps that work out of the critical section: a first
     * switch took 131 ms instead of 10 to 15 ms without it (measured in one process, 2 cores).
     */
    public void rehearse(String migration, long runId, String digest, String entityKind, long executionId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                activate(migration, runId, digest, entityKind, executionId);
                throw new Rehearsed();
            });
        } catch (Rehearsed expected) {
            // rolled back, as it should be
        }
    }

    /** Ends a rehearsal's transaction by a rollback. */
    private static final class Rehearsed extends RuntimeException {
        Rehearsed() {
            super("rehearsal of a generation switch", null, false, false);
        }
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
