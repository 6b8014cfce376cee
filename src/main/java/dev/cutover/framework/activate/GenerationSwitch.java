package dev.cutover.framework.activate;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.Sql;

/**
 * Switches the executing model of a migration: the write side of {@link ExecutingModelReader}. Every
 * switch is one short transaction of the caller's that touches a constant number of rows, however large
 * the model (the entities of a generation are written before, inert, and never rewritten): it locks the
 * migration's {@code executing_model} row, so concurrent switches serialize and readers see the old or
 * the new model, never a mix. A crash before commit leaves the old model executing.
 */
@ApplicationScoped
public class GenerationSwitch {

    @Inject
    DataSource dataSource;

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
     * Must run inside a transaction.
     *
     * @return the new generation number
     */
    public int activate(String migration, long runId, String digest, String entityKind, long executionId) {
        lock(migration);
        int next = Sql.query(dataSource, "select coalesce(max(generation), 0) + 1 from model_generation where migration = ?",
                rs -> rs.getInt(1), migration).get(0);
        Sql.update(dataSource, """
                insert into model_generation (migration, generation, run_id, digest, entity_kind, execution_id)
                values (?, ?, ?, ?, ?, ?)""", migration, next, runId, digest, entityKind, executionId);
        // the right-hand side reads the row as it was: the generation that executed until now
        Sql.update(dataSource, """
                update executing_model set generation = ?, history = history || generation, switched_at = now()
                where migration = ?""", next, migration);
        return next;
    }

    /**
     * Switches back to the generation that executed before the current one (0 = legacy). Must run
     * inside a transaction.
     *
     * @return the generation now executing, or empty when there is nothing to roll back to
     */
    public Optional<Integer> rollback(String migration) {
        lock(migration);
        List<Integer> previous = Sql.query(dataSource, """
                update executing_model set generation = history[cardinality(history)],
                       history = history[1:cardinality(history) - 1], switched_at = now()
                where migration = ? and cardinality(history) > 0 returning generation""", rs -> rs.getInt(1), migration);
        return previous.stream().findFirst();
    }

    /**
     * Holds the migration's pointer row until the caller's transaction ends, creating it (at legacy)
     * the first time: the next generation number is computed under this lock, so two activations
     * cannot both take it.
     */
    private void lock(String migration) {
        Sql.update(dataSource, "insert into executing_model (migration) values (?) on conflict do nothing", migration);
        Sql.query(dataSource, "select 1 from executing_model where migration = ? for update", rs -> 1, migration);
    }
}
