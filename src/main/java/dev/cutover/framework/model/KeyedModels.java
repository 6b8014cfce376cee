package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.Migrated;

/**
 * The models of single keys of executing models ({@link BehaviorModel#leafKey}), whole or in parts
 * ({@link ExecutingByKey#forEachPart}), read through their {@link ModelKeyIndex} and cached, least
 * recently used out, up to {@value #CACHED_ELEMENTS} leaves or entities. A model's distinct keys are
 * read from its index each time, never kept: hostile legacy data may spell a key per element. A key's rows are
 * immutable once its index is visible (as the model's), so the cache never goes stale; it lives in memory
 * and a restarted process reads again. Thread-safe.
 */
@ApplicationScoped
class KeyedModels {

    /**
     * Leaves or entities of the keys' models kept between units of work. 50,000 held 100 MB live of a
     * rate-limit generation (a quota is a setting in each of its regions, 8 in the benchmark): 10,000
     * keep a few thousand keys, about 20 MB of that model, 3 MB of its legacy one.
     */
    static final int CACHED_ELEMENTS = 10_000;

    @Inject
    ExecutingModelReader models;

    private final LinkedHashMap<KeyOfModel, CachedModel> byKey = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedElements;

    /**
     * @return the model executing in the connection's snapshot, to be read by key
     * @throws ModelKeyIndex.Missing when that model has no key index in the snapshot
     */
    <L, E, M> ExecutingByKey<M> read(Connection connection, ExecutableModel<L, E, M> migration) throws SQLException {
        ExecutingModel executing = models.current(connection, migration.id());
        Optional<ModelOfRun> rows = models.rowsOf(connection, executing);
        if (rows.isEmpty()) {
            M empty = migration.behavior().empty();
            return new ExecutingByKey<>(0, null, key -> empty, (key, elements, action) -> action.accept(empty), ModelKeys.NONE);
        }
        return open(connection, migration, executing.generation(), rows.get().runId(), rows.get().legacy(), executing);
    }

    private <L, E, M> ExecutingByKey<M> open(Connection connection, ExecutableModel<L, E, M> migration, int generation,
            long runId, boolean legacy, ExecutingModel executing) throws SQLException {
        ModelKeyIndex.requireBuilt(connection, runId, legacy);
        Model model = new Model(migration.id(), legacy, runId);
        return new ExecutingByKey<>(generation, runId,
                key -> legacy ? legacy(connection, migration, model, key) : target(connection, migration, model, executing, key),
                (key, elements, action) -> {
                    if (legacy) {
                        legacyParts(connection, migration, model, key, elements, action);
                    } else {
                        targetParts(connection, migration, model, executing, key, elements, action);
                    }
                },
                ModelKeys.of(connection, runId, legacy));
    }

    /** The legacy model of run {@code runId}'s migrated records with {@code key}: their leaves with it. */
    <L, E, M> M legacy(Connection connection, ExecutableModel<L, E, M> migration, long runId, String key) throws SQLException {
        return legacy(connection, migration, new Model(migration.id(), true, runId), key);
    }

    private <L, E, M> M legacy(Connection connection, ExecutableModel<L, E, M> migration, Model model, String key)
            throws SQLException {
        KeyOfModel cacheKey = new KeyOfModel(model, key);
        M cached = cached(cacheKey);
        if (cached != null) {
            return cached;
        }
        long[] leaves = { 0 };
        M built;
        try (Stream<MigratedRecord> records = models.migratedRecords(connection, model.runId(), key)) {
            built = migration.behavior().legacy(leaves(migration, model, key, records).peek(leaf -> leaves[0]++));
        }
        remember(cacheKey, built, leaves[0]);
        return built;
    }

    /** The legacy model of run {@code runId}'s migrated records with {@code key} in parts, as {@link ExecutingByKey#forEachPart}. */
    <L, E, M> void legacyParts(Connection connection, ExecutableModel<L, E, M> migration, long runId, String key, int elements,
            ExecutingByKey.Part<M> action) throws SQLException {
        legacyParts(connection, migration, new Model(migration.id(), true, runId), key, elements, action);
    }

    private <L, E, M> void legacyParts(Connection connection, ExecutableModel<L, E, M> migration, Model model, String key,
            int elements, ExecutingByKey.Part<M> action) throws SQLException {
        KeyOfModel cacheKey = new KeyOfModel(model, key);
        if (handedCached(cacheKey, elements, action)) {
            return;
        }
        try (Stream<MigratedRecord> records = models.migratedRecords(connection, model.runId(), key)) {
            parts(cacheKey, leaves(migration, model, key, records), migration.behavior()::legacy, elements, action);
        }
    }

    // a record's leaves with the key: the index finds the record by any of its leaves' keys
    private static <L> Stream<Migrated<L>> leaves(ExecutableModel<L, ?, ?> migration, Model model, String key,
            Stream<MigratedRecord> records) {
        BehaviorModel<L, ?, ?> behavior = migration.behavior();
        return ExecutingBehavior.leaves(migration, records, model.runId()).filter(leaf -> behavior.leafKey(leaf.leaf()).equals(key));
    }

    private <L, E, M> M target(Connection connection, ExecutableModel<L, E, M> migration, Model model, ExecutingModel executing,
            String key) throws SQLException {
        KeyOfModel cacheKey = new KeyOfModel(model, key);
        M cached = cached(cacheKey);
        if (cached != null) {
            return cached;
        }
        long[] entities = { 0 };
        M built;
        try (Stream<ExecutingEntity> rows = models.entities(connection, executing, key)) {
            built = migration.behavior().target(rows.map(entity -> ExecutingBehavior.entity(migration, entity, model.runId()))
                    .peek(entity -> entities[0]++));
        }
        remember(cacheKey, built, entities[0]);
        return built;
    }

    private <L, E, M> void targetParts(Connection connection, ExecutableModel<L, E, M> migration, Model model,
            ExecutingModel executing, String key, int elements, ExecutingByKey.Part<M> action) throws SQLException {
        KeyOfModel cacheKey = new KeyOfModel(model, key);
        if (handedCached(cacheKey, elements, action)) {
            return;
        }
        try (Stream<ExecutingEntity> rows = models.entities(connection, executing, key)) {
            parts(cacheKey, rows.map(entity -> ExecutingBehavior.entity(migration, entity, model.runId())),
                    migration.behavior()::target, elements, action);
        }
    }

    private <M> boolean handedCached(KeyOfModel key, int elements, ExecutingByKey.Part<M> action) throws SQLException {
        CachedModel cached;
        synchronized (this) {
            cached = byKey.get(key);
        }
        if (cached == null || cached.elements() > elements) {
            return false;
        }
        @SuppressWarnings("unchecked") // keyed by migration id: the value is that migration's M
        M model = (M) cached.model();
        action.accept(model);
        return true;
    }

    /**
     * Builds a model of each run of {@code size} elements and hands it on while the cursor waits: one part's
     * elements are held at a time. A key that fits in one part is remembered like a whole key's model.
     */
    private <X, M> void parts(KeyOfModel cacheKey, Stream<X> elements, Function<Stream<X>, M> build, int size,
            ExecutingByKey.Part<M> action) throws SQLException {
        List<X> part = new ArrayList<>(Math.min(size, 1024));
        boolean split = false;
        Iterator<X> next = elements.iterator();
        while (next.hasNext()) {
            part.add(next.next());
            // a full part is handed on only once another element follows: the last one may be cached
            if (part.size() == size && next.hasNext()) {
                action.accept(build.apply(part.stream()));
                part.clear();
                split = true;
            }
        }
        M last = build.apply(part.stream());
        if (!split) {
            remember(cacheKey, last, part.size());
        }
        action.accept(last);
    }

    @SuppressWarnings("unchecked") // keyed by migration id: the value is that migration's M
    private synchronized <M> M cached(KeyOfModel key) {
        CachedModel cached = byKey.get(key);
        return cached == null ? null : (M) cached.model();
    }

    // a key's model larger than the whole budget is not kept: each unit about it reads it again
    private synchronized void remember(KeyOfModel key, Object model, long elements) {
        if (elements > CACHED_ELEMENTS || byKey.containsKey(key)) {
            return;
        }
        byKey.put(key, new CachedModel(model, elements));
        cachedElements += elements;
        Iterator<CachedModel> eldest = byKey.values().iterator();
        while (cachedElements > CACHED_ELEMENTS) {
            cachedElements -= eldest.next().elements();
            eldest.remove();
        }
    }

    private record Model(String migration, boolean legacy, long runId) {
    }

    private record KeyOfModel(Model model, String key) {
    }

    private record CachedModel(Object model, long elements) {
    }
}
