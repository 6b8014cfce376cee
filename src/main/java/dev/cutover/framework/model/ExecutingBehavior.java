package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.MemberRef;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The executing model of a migration as its {@link BehaviorModel} runs it: what a live executor asks
 * for each unit of work. It reads through {@link ExecutingModelReader} on the caller's connection, so
 * the pointer and the model come from the caller's one snapshot:
 * <ul>
 * <li>Legacy (generation 0): the migrated records of the {@link ExecutingModelReader#latestPlannedRun
 * latest planned run} stand in for the legacy system ({@link BehaviorModel#legacy}); before any,
 * {@link BehaviorModel#empty}.</li>
 * <li>Generation N: its entities ({@link BehaviorModel#target}).</li>
 * </ul>
 * Both are immutable once visible (a run's outcomes are written before its plan report, staged
 * entities before their activation, and neither is rewritten), so models are cached by migration and
 * run, and a unit of work that finds its model cached reads only the pointer and the latest planned
 * run id. The cache lives in memory: a restarted process rebuilds on its first read.
 * <p>
 * A whole model grows with the model; a live executor whose units of work are each about a few keys of
 * it ({@link BehaviorModel#leafKey}) reads those keys' share only ({@link #inSnapshotByKey}), through the
 * model's {@link ModelKeyIndex}.
 */
@ApplicationScoped
public class ExecutingBehavior {

    // legacy and one or two generations per migration are all a switching migration alternates between
    private static final int CACHED_MODELS = 8;

    /** Models whose index a unit of work builds before it gives up (each build followed by a switch). */
    static final int INDEX_BUILDS = 3;

    /**
     * The model executing in one snapshot.
     *
     * @param generation 0 for legacy
     * @param runId      the run whose records or entities it was built from; {@code null} for the empty legacy model
     * @param model      the executable model
     */
    public record Executing<M>(int generation, Long runId, M model) {
    }

    @Inject
    ExecutingModelReader models;

    @Inject
    ReadSnapshot snapshot;

    @Inject
    ModelKeyIndex index;

    @Inject
    KeyedModels keyed;

    /** A unit of work of a live executor over the model executing in its snapshot. */
    @FunctionalInterface
    public interface Unit<M, T> {
        T run(Executing<M> executing, Connection connection) throws SQLException;
    }

    /**
     * Runs one unit of work of a live executor in its own {@link ReadSnapshot} transaction: the model
     * executing in that snapshot, and the connection for the executor's own reads and writes, which
     * commit together. The way a live executor reads the executing model.
     *
     * @throws IllegalStateException as {@link #read} and {@link ReadSnapshot#call}
     */
    public <L, E, M, T> T inSnapshot(ExecutableModel<L, E, M> migration, Unit<M, T> unit) {
        return snapshot.call(connection -> unit.run(read(connection, migration), connection));
    }

    /** A unit of work of a live executor over the model executing in its snapshot, read by key. */
    @FunctionalInterface
    public interface KeyedUnit<M, T> {
        T run(ExecutingByKey<M> executing, Connection connection) throws SQLException;
    }

    /**
     * Runs one unit of work of a live executor like {@link #inSnapshot(ExecutableModel, Unit)}, over the
     * model executing in its snapshot read by key ({@link BehaviorModel#leafKey}): the unit asks for the
     * keys it is about ({@link ExecutingByKey#model}), each read through the model's {@link ModelKeyIndex}
     * in the unit's snapshot, or for the model's distinct keys. The memory of a unit and of the cache of
     * keys' models (the {@value KeyedModels#CACHED_ELEMENTS} leaves or entities read most recently) does
     * not grow with the model.
     * <p>
     * An activation or a rollback builds the index of the model it switches to before the switch
     * ({@link ModelKeyIndex#buildBeforeSwitch}). The first unit that reads a model without one (the legacy
     * model of a new planned run; any model after PostgreSQL's crash recovery emptied the unlogged index, or
     * after the index was dropped as an old one) builds it in a transaction of its own, before the unit
     * runs, then runs in a new snapshot (which may show yet another model: it is built in turn, up to
     * {@value #INDEX_BUILDS} times).
     *
     * @throws IllegalStateException as {@link ModelKeyIndex#build} and {@link ReadSnapshot#call}, or naming
     *                               an element of the model that cannot be executed
     */
    public <L, E, M, T> T inSnapshotByKey(ExecutableModel<L, E, M> migration, KeyedUnit<M, T> unit) {
        for (int built = 0;; built++) {
            try {
                return snapshot.call(connection -> unit.run(keyed.read(connection, migration), connection));
            } catch (ModelKeyIndex.Missing missing) {
                if (built == INDEX_BUILDS) {
                    throw new IllegalStateException("the executing model of " + migration.id() + " switched " + built
                            + " times while the key index of each was built; try again: " + missing.getMessage(), missing);
                }
                index.build(migration, missing.runId(), missing.legacy());
            }
        }
    }

    /**
     * {@link #inSnapshotByKey} for a unit of work about one key (the admission checker: one service):
     * the unit gets the model of that key's leaves or entities.
     */
    public <L, E, M, T> T inSnapshot(ExecutableModel<L, E, M> migration, String key, Unit<M, T> unit) {
        return inSnapshotByKey(migration, (executing, connection) -> unit.run(executing.executing(key), connection));
    }

    private final Map<CacheKey, Object> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Object> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    /**
     * @param connection in a transaction (REPEATABLE READ for one snapshot with the caller's own reads)
     * @throws IllegalStateException when the executing generation was never recorded, or an element of
     *                               the model cannot be executed (it names the element)
     */
    public <L, E, M> Executing<M> read(Connection connection, ExecutableModel<L, E, M> migration) throws SQLException {
        ExecutingModel executing = models.current(connection, migration.id());
        Optional<ModelOfRun> rows = models.rowsOf(connection, executing);
        if (rows.isEmpty()) {
            return new Executing<>(0, null, migration.behavior().empty());
        }
        long runId = rows.get().runId();
        return new Executing<>(executing.generation(), runId,
                rows.get().legacy() ? legacy(connection, migration, runId) : target(connection, migration, executing));
    }

    private <L, E, M> M legacy(Connection connection, ExecutableModel<L, E, M> migration, long runId) throws SQLException {
        CacheKey key = new CacheKey(migration.id(), true, runId);
        M cached = cached(key);
        if (cached != null) {
            return cached;
        }
        // streamed from the cursor into the model: the records are never all held at once
        try (Stream<MigratedRecord> records = models.migratedRecords(connection, runId)) {
            return remember(key, migration.behavior().legacy(leaves(migration, records, runId)));
        }
    }

    static <L> Stream<Migrated<L>> leaves(ExecutableModel<L, ?, ?> migration, Stream<MigratedRecord> records, long runId) {
        return records.flatMap(record -> {
            String owner = "legacy record " + record.name() + " of run " + runId;
            MemberRef member = new MemberRef(record.source(), record.id(), record.index());
            List<Migrated<L>> leaves = new ArrayList<>();
            parse(record.target(), owner).forEach(leaf -> leaves.add(new Migrated<>(member, decode(migration, leaf, owner))));
            return leaves.stream();
        });
    }

    private <L, E, M> M target(Connection connection, ExecutableModel<L, E, M> migration, ExecutingModel executing)
            throws SQLException {
        CacheKey key = new CacheKey(migration.id(), false, executing.runId());
        M cached = cached(key);
        if (cached != null) {
            return cached;
        }
        try (Stream<ExecutingEntity> entities = models.entities(connection, executing)) {
            return remember(key, migration.behavior().target(entities.map(entity -> entity(migration, entity, executing.runId()))));
        }
    }

    static <E> Entity<E> entity(ExecutableModel<?, E, ?> migration, ExecutingEntity entity, long runId) {
        String name = "target entity " + entity.id() + " of run " + runId;
        try {
            return Entity.stored(migration.entityCodec(), entity.id(), parse(entity.body(), name));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not an entity of " + migration.id() + ": " + e.getMessage(), e);
        }
    }

    static <L> L decode(ExecutableModel<L, ?, ?> migration, JsonNode leaf, String owner) {
        try {
            return migration.leafCodec().fromJson(leaf);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(owner + ": its target is not a leaf of " + migration.id() + ": " + e.getMessage(), e);
        }
    }

    static JsonNode parse(String text, String owner) {
        try {
            return LegacyJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(owner + " is not JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked") // keyed by migration id: the value is that migration's M
    private synchronized <M> M cached(CacheKey key) {
        return (M) cache.get(key);
    }

    private synchronized <M> M remember(CacheKey key, M model) {
        cache.put(key, model);
        return model;
    }

    private record CacheKey(String migration, boolean legacy, long runId) {
    }
}
