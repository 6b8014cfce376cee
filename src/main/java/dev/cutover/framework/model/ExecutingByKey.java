package dev.cutover.framework.model;

import java.sql.SQLException;

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

    /** Reads the model of one key in parts. */
    @FunctionalInterface
    interface PartsReader<M> {
        void parts(String key, int elements, Part<M> action) throws SQLException;
    }

    /** Reads the model's distinct keys. */
    interface KeysReader {
        void forEach(Key action) throws SQLException;

        long count() throws SQLException;
    }

    /** Receives one of the model's distinct keys ({@link #forEachKey}). */
    @FunctionalInterface
    public interface Key {
        void accept(String key) throws SQLException;
    }

    /** Receives one part of a key's model ({@link #forEachPart}). */
    @FunctionalInterface
    public interface Part<M> {
        void accept(M part) throws SQLException;
    }

    private final int generation;
    private final Long runId;
    private final KeyReader<M> reader;
    private final PartsReader<M> parts;
    private final KeysReader keys;

    ExecutingByKey(int generation, Long runId, KeyReader<M> reader, PartsReader<M> parts, KeysReader keys) {
        this.generation = generation;
        this.runId = runId;
        this.reader = reader;
        this.parts = parts;
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

    /**
     * Hands the model of the leaves or entities with {@code key} to {@code action} in parts, each built
     * from at most {@code elements} of them, on the caller's thread and in model order: every leaf or
     * entity of the key is in exactly one part, and a key with none gets one empty part. For a unit of
     * work whose answer over a key is the union of its answers over any split of the key's elements (the
     * dispatcher: the targets due in a slot), so that it holds one part at a time however many rows the
     * key has: {@link #model} builds the whole key's model at once. A legacy record's leaves may fall in
     * two parts. A key whose elements fit in one part is cached like {@link #model}'s, and a cached key
     * of at most {@code elements} is handed whole.
     *
     * @param elements leaves or entities per part, at least 1
     * @throws IllegalArgumentException when {@code elements} is below 1
     * @throws IllegalStateException    naming the element when one cannot be executed; the parts handed
     *                                  before it were handed
     */
    public void forEachPart(String key, int elements, Part<M> action) throws SQLException {
        if (elements < 1) {
            throw new IllegalArgumentException("a part holds at least 1 leaf or entity, not " + elements);
        }
        parts.parts(key, elements, action);
    }

    /** @return {@link #model} with the generation and run, as a whole-model read returns them */
    public Executing<M> executing(String key) throws SQLException {
        return new Executing<>(generation, runId, model(key));
    }

    /**
     * Hands the model's distinct keys to {@code action} in code-point order (none for the empty legacy
     * model), on the caller's thread, streamed: the action may read the model meanwhile ({@link #model},
     * {@link #forEachPart}), and no key is held once handed on, however many the model has (as many as its
     * elements when each spells its key its own way).
     */
    public void forEachKey(Key action) throws SQLException {
        keys.forEach(action);
    }

    /** @return how many keys {@link #forEachKey} hands on */
    public long keyCount() throws SQLException {
        return keys.count();
    }
}
