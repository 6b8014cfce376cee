package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.run.CopyRows;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.framework.toolkit.LegacyJson;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The index of a model by the keys its live executor reads it by ({@link BehaviorModel#leafKey},
 * {@link BehaviorModel#entityKey}): for the legacy model of a run, which migrated records have a leaf
 * with each key; for a generation, which entities have each key; and the model's distinct keys. A unit
 * of work reads the rows of the keys it is about through it ({@link ExecutingModelReader}), so neither
 * the executor nor the database reads the whole model per unit of work.
 * <p>
 * Built before an activation or a rollback switches to the model ({@link #buildBeforeSwitch}), otherwise
 * on first use ({@link #build}), in one transaction of its own that claims the model's row of
 * {@code model_key_index} first: a second builder (another {@code serve}; in the same process, another
 * thread waits for the first before it takes a connection) waits for that transaction and then finds the
 * index built; a reader that sees the row sees every element and
 * key. Streamed: the model's rows are read a cursor page at a time on a thread of their own
 * ({@link IndexRowFeed}) while the builder writes the index rows made before by one COPY; the distinct
 * keys are counted by the database. An index is never changed after, only dropped
 * whole: the framework keeps the {@value #KEPT} most recently built of each migration and drops the
 * others when it builds one (a snapshot that still reads a dropped index keeps seeing it; the next read
 * of that model builds it again). The tables are unlogged, so a crash of PostgreSQL empties them
 * together and the next read rebuilds.
 */
@ApplicationScoped
public class ModelKeyIndex {

    private static final Logger LOG = Logger.getLogger(ModelKeyIndex.class);

    /** Legacy and two generations: what a migration switching back and forth alternates between. */
    static final int KEPT = 3;

    /** Building reads the whole model once (4 to 6 s at 1M legacy records here); far longer means stuck. */
    static final int BUILD_TIMEOUT_SECONDS = 600;

    /** The model read has no key index (in the reader's snapshot): build it, then read again. */
    public static final class Missing extends RuntimeException {

        private final long runId;
        private final boolean legacy;

        Missing(long runId, boolean legacy) {
            super("the " + (legacy ? "legacy model" : "model") + " of run " + runId + " has no key index yet", null,
                    false, false);
            this.runId = runId;
            this.legacy = legacy;
        }

        public long runId() {
            return runId;
        }

        public boolean legacy() {
            return legacy;
        }
    }

    @Inject
    DataSource dataSource;

    private final ModelBuildLocks builds = new ModelBuildLocks();

    @Inject
    StepProbe probe;

    @Inject
    ExecutingModelReader reader;

    /** @throws Missing when the model's index is not built and committed, as the connection's snapshot shows */
    static void requireBuilt(Connection connection, long runId, boolean legacy) throws SQLException {
        if (!isBuilt(connection, runId, legacy)) {
            throw new Missing(runId, legacy);
        }
    }

    /** @return whether the model's index is built and committed, as the connection's snapshot shows */
    static boolean isBuilt(Connection connection, long runId, boolean legacy) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select 1 from model_key_index where run_id = ? and legacy = ?")) {
            ps.setLong(1, runId);
            ps.setBoolean(2, legacy);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Builds the index of run {@code runId}'s legacy model ({@code legacy}) or of its staged model, unless
     * it is built; waits for a build of the same index in progress elsewhere. Suspends the caller's
     * transaction, if any.
     *
     * @throws IllegalStateException naming the record or entity whose leaves cannot be read, or the failure of the database
     */
    public void build(ExecutableModel<?, ?, ?> migration, long runId, boolean legacy) {
        // one builder of a model per process: the others (units of work arriving together) wait here,
        // holding no connection; waiting on the claim's row lock, each would hold one, and the builder
        // needs more than its own for its readers (IndexRowFeed): enough waiters would take the pool's last
        builds.runAlone(new ModelOfRun(runId, legacy), () -> buildAlone(migration, runId, legacy));
    }

    /** @return the models whose lock this process holds for a build in progress or waited for */
    Set<ModelOfRun> modelsLocked() {
        return builds.held();
    }

    private void buildAlone(ExecutableModel<?, ?, ?> migration, long runId, boolean legacy) {
        long started = System.nanoTime();
        Long elements = QuarkusTransaction.requiringNew().timeout(BUILD_TIMEOUT_SECONDS).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!claim(connection, migration.id(), runId, legacy)) {
                    return null;
                }
                long count = legacy ? indexRecords(connection, migration, runId) : indexEntities(connection, migration, runId);
                try (PreparedStatement ps = connection.prepareStatement(
                        "update model_key_index set elements = ? where run_id = ? and legacy = ?")) {
                    ps.setLong(1, count);
                    ps.setLong(2, runId);
                    ps.setBoolean(3, legacy);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = connection.prepareStatement("insert into model_key (run_id, legacy, key, elements) "
                        + "select ?, ?, key, count(*) from " + table(legacy) + " where run_id = ? group by key")) {
                    ps.setLong(1, runId);
                    ps.setBoolean(2, legacy);
                    ps.setLong(3, runId);
                    ps.executeUpdate();
                }
                try (Statement statement = connection.createStatement()) {
                    // the reads join a key's rows to the model by primary key: the planner must know the rows
                    // just written, or it may scan the model to join it
                    statement.execute("analyze " + table(legacy));
                }
                dropOlder(connection, migration.id());
                return count;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot index the " + what(runId, legacy) + " by key: " + e.getMessage(), e);
            }
        });
        if (elements != null) {
            LOG.infof("%s: indexed the %s by key: %,d rows in %.1f s", migration.id(), what(runId, legacy), elements,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Builds the index of the model a migration is about to switch to ({@link #build}), before the switch:
     * its live executor's first unit of work after the switch then reads by key at once instead of
     * building the index while it runs (at 1M legacy records, seconds). Nothing for a migration without a
     * live executor: nothing reads its models by key. Idempotent like {@link #build}: a restart of the
     * switch finds the index built; a build that a crash interrupted left nothing and runs again.
     */
    public void buildBeforeSwitch(MigrationDescriptor<?, ?, ?> migration, ModelOfRun model) {
        if (migration.liveExecutor().isEmpty()) {
            return;
        }
        probe.reached("key-index-build");
        LOG.infof("%s: indexing the %s by key before the switch, for the live executor", migration.id(),
                what(model.runId(), model.legacy()));
        build(migration, model.runId(), model.legacy());
    }

    /**
     * Builds the index of run {@code runId}'s legacy model before the run's plan report commits, when that
     * commit switches the legacy model a live executor reads by key: while legacy executes, the latest
     * planned run's records are the legacy model ({@link ExecutingModelReader#latestPlannedRun}), so the
     * report makes this run's records the model the executor reads next. Built only when the legacy model it
     * replaces is indexed, that is, read by key (by a live executor, or indexed by a rollback to it): a plan
     * that no executor reads pays nothing, and one that an executor reads spares its next unit the build
     * (at 1M notification rules, 5 s). Nothing for a migration without a live executor, nor while a
     * generation executes (a rollback to legacy builds the index it returns to). Idempotent like {@link #build}.
     */
    public void buildBeforePlanCommit(MigrationDescriptor<?, ?, ?> migration, long runId) {
        if (migration.liveExecutor().isEmpty()) {
            return;
        }
        long replaced;
        try (Connection connection = dataSource.getConnection()) {
            Optional<ModelOfRun> legacy = reader.rowsOf(connection, reader.current(connection, migration.id()))
                    .filter(ModelOfRun::legacy);
            if (legacy.isEmpty() || legacy.get().runId() == runId || !isBuilt(connection, legacy.get().runId(), true)) {
                return;
            }
            replaced = legacy.get().runId();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which legacy model of " + migration.id() + " is read by key: "
                    + e.getMessage(), e);
        }
        probe.reached("plan-key-index-build");
        LOG.infof("%s: indexing the %s by key before the report makes it the legacy model, for the live executor "
                + "(the legacy model of run %d is read by key)", migration.id(), what(runId, true), replaced);
        build(migration, runId, true);
    }

    private static String table(boolean legacy) {
        return legacy ? "legacy_key" : "entity_key";
    }

    private static String what(long runId, boolean legacy) {
        return (legacy ? "legacy model of run " : "model of run ") + runId;
    }

    // false when the index is built: the insert waits for a transaction that claimed it, then conflicts
    private static boolean claim(Connection connection, String migration, long runId, boolean legacy) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into model_key_index (run_id, legacy, migration) values (?, ?, ?) on conflict do nothing""")) {
            ps.setLong(1, runId);
            ps.setBoolean(2, legacy);
            ps.setString(3, migration);
            return ps.executeUpdate() == 1;
        }
    }

    private <L> long indexRecords(Connection connection, ExecutableModel<L, ?, ?> migration, long runId)
            throws SQLException {
        try (IndexRowFeed feed = new IndexRowFeed(dataSource, """
                select source, record_key, rec_id, idx, target from record_outcome where run_id = ? and kind = 'MIGRATED'""",
                "record_key", IndexRowFeed.parts(), runId, (rs, rows) -> {
                    MigratedRecord record = new MigratedRecord(rs.getString(1), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5));
                    String owner = "legacy record " + record.name() + " of run " + runId;
                    Set<String> keys = new LinkedHashSet<>();
                    for (JsonNode leaf : ExecutingBehavior.parse(record.target(), owner)) {
                        keys.add(migration.behavior().leafKey(ExecutingBehavior.decode(migration, leaf, owner)));
                    }
                    for (String key : keys) {
                        rows.accept(new String[] { key, record.source(), rs.getString(2) });
                    }
                })) {
            return copy(connection, runId, "copy legacy_key (run_id, key, source, record_key) from stdin",
                    "the key index of the legacy model of run " + runId, feed);
        }
    }

    private <E> long indexEntities(Connection connection, ExecutableModel<?, E, ?> migration, long runId)
            throws SQLException {
        try (IndexRowFeed feed = new IndexRowFeed(dataSource, "select entity_id, body from target_entity where run_id = ?",
                "entity_id", IndexRowFeed.parts(), runId, (rs, rows) -> {
                    Entity<E> entity = ExecutingBehavior.entity(migration, new ExecutingEntity(rs.getString(1), rs.getString(2)),
                            runId);
                    rows.accept(new String[] { migration.behavior().entityKey(entity.body()), entity.id() });
                })) {
            return copy(connection, runId, "copy entity_key (run_id, key, entity_id) from stdin",
                    "the key index of the model of run " + runId, feed);
        }
    }

    /**
     * Writes the feed's index rows, each after the run id, in one COPY on the builder's connection (its
     * transaction, the claim's): the feed reads the model on a connection of its own, so the COPY stays
     * open while the next rows are made.
     *
     * @return the rows written
     */
    private static long copy(Connection connection, long runId, String copy, String what, IndexRowFeed feed)
            throws SQLException {
        CopyRows out = CopyRows.in(connection, copy, what);
        try {
            for (List<String[]> batch = feed.next(); batch != null; batch = feed.next()) {
                for (String[] row : batch) {
                    out.field(runId);
                    for (String field : row) {
                        out.field(field);
                    }
                    out.endRow();
                }
            }
            out.end();
        } catch (SQLException | RuntimeException | Error e) {
            out.cancel();
            throw e;
        }
        return out.rows();
    }

    private static void dropOlder(Connection connection, String migration) throws SQLException {
        List<Object[]> older = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select run_id, legacy from model_key_index where migration = ?
                order by built_at desc, run_id desc offset ?""")) {
            ps.setString(1, migration);
            ps.setInt(2, KEPT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    older.add(new Object[] { rs.getLong(1), rs.getBoolean(2) });
                }
            }
        }
        for (Object[] index : older) {
            boolean legacy = (Boolean) index[1];
            for (String sql : new String[] { "delete from " + table(legacy) + " where run_id = ?",
                    "delete from model_key where run_id = ? and legacy = " + legacy,
                    "delete from model_key_index where run_id = ? and legacy = " + legacy }) {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setLong(1, (Long) index[0]);
                    ps.executeUpdate();
                }
            }
        }
    }
}
