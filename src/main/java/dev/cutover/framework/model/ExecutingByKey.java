package dev.cutover.framework.model;

import java.sql.SQLException;
import java.util.List;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.model.ExecutingBehavior.Executing;

/**
 * The model executing in one unit of work's snapshot, read by key ({@link BehaviorModel#leafKey}): which
 * generation, and the model of any key of it, built from that key's leaves or entities only. Valid
 * inside its unit of work ({@link ExecutingBehavior#inSnapshotByKey}), whose connection it reads on;
 * not thread-safe.
 *
 * @param <M> the executable model
 */
public final class ExecutingByKey<M> {

    /** Reads the model of one key. */
    @FunctionalInterface
    interface KeyReader<M> {
        M model(String key) throws SQLException;
    }

    /** Reads the model's distinct keys. */
    @FunctionalInterface
    interface KeysReader {
        List<String> keys() throws SQLException;
    }

    private final int generation;
    private final Long runId;
    private final KeyReader<M> reader;
    private final KeysReader keys;

    ExecutingByKey(int generation, Long runId, KeyReader<M> reader, KeysReader keys) {
        this.generation = generation;
        this.runId = runId;
        this.reader = reader;
        this.keys = keys;
    }

    /** @return 0 for legacy */
    public int generation() {
        return generation;
    }

    /** @return the run whose records or entities the model is; {@code null} for the empty legacy model */
    public Long runId() {
        return runId;
    }

    /**
     * @return the model of the leaves or entities with {@code key} (the empty model's when none has it)
     * @throws IllegalStateException naming the element when one cannot be executed
     */
    public M model(String key) throws SQLException {
        return reader.model(key);
    }

    /** @return {@link #model} with the generation and run, as a whole-model read returns them */
    public Executing<M> executing(String key) throws SQLException {
        return new Executing<>(generation, runId, model(key));
    }

    /** @return the model's distinct keys, in code-point order; none for the empty legacy model */
    public List<String> keys() throws SQLException {
        return keys.keys();
    }
}
