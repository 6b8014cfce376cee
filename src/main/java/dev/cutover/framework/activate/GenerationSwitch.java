package dev.cutover.framework.activate;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.Sql;

/**
 * Switches the executing model of a migration. Every switch is one short transaction of the
 * caller's that touches a constant number of rows, however large the model (the entities of a
 * generation are written before, inert, and never rewritten): it locks the migration's
 * {@code executing_model} row, so concurrent switches serialize and readers see the old or the new
 * model, never a mix. A crash before commit leaves the old model executing.
 */
@ApplicationScoped
public class GenerationSwitch {

    @Inject
    DataSource dataSource;

    /** @return the executing model; legacy when nothing was ever activated */
    public ExecutingModel current(String migration) {
        return read(migration, false);
    }

    /**
     * Makes run {@code runId}'s staged model the executing one, as the next generation number.
     * Must run inside a transaction.
     *
     * @return the new generation number
     */
    public int activate(String migration, long runId, String digest, String entityKind, long executionId) {
        ExecutingModel before = read(migration, true);
        int next = Sql.query(dataSource, "select coalesce(max(generation), 0) + 1 from model_generation where migration = ?",
                rs -> rs.getInt(1), migration).get(0);
        Sql.update(dataSource, """
                insert into model_generation (migration, generation, run_id, digest, entity_kind, execution_id)
                values (?, ?, ?, ?, ?, ?)""", migration, next, runId, digest, entityKind, executionId);
        Sql.update(dataSource, """
                update executing_model set generation = ?, history = history || ?, switched_at = now()
                where migration = ?""", next, before.generation(), migration);
        return next;
    }

    /**
     * Switches back to the generation that executed before the current one (0 = legacy). Must run
     * inside a transaction.
     *
     * @return the generation now executing, or empty when there is nothing to roll back to
     */
    public Optional<Integer> rollback(String migration) {
        read(migration, true);
        List<Integer> previous = Sql.query(dataSource, """
                update executing_model set generation = history[cardinality(history)],
                       history = history[1:cardinality(history) - 1], switched_at = now()
                where migration = ? and cardinality(history) > 0 returning generation""", rs -> rs.getInt(1), migration);
        return previous.stream().findFirst();
    }

    /** @return the generation's model, or empty if that generation was never activated */
    public Optional<ExecutingModel> generation(String migration, int generation) {
        if (generation == 0) {
            return Optional.of(ExecutingModel.legacy(migration));
        }
        return Sql.query(dataSource, """
                select run_id, digest, entity_kind from model_generation where migration = ? and generation = ?""",
                rs -> new ExecutingModel(migration, generation, rs.getLong(1), rs.getString(2), rs.getString(3)),
                migration, generation).stream().findFirst();
    }

    private ExecutingModel read(String migration, boolean forUpdate) {
        if (forUpdate) {
            Sql.update(dataSource, "insert into executing_model (migration) values (?) on conflict do nothing", migration);
        }
        List<Integer> rows = Sql.query(dataSource, "select generation from executing_model where migration = ?"
                + (forUpdate ? " for update" : ""), rs -> rs.getInt(1), migration);
        int generation = rows.isEmpty() ? 0 : rows.get(0);
        return generation(migration, generation).orElseThrow(
                () -> new IllegalStateException(migration + " executes generation " + generation + ", which is not recorded"));
    }
}
