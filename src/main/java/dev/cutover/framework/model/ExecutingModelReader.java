package dev.cutover.framework.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one way to read a migration's executing model (DESIGN.md §11): which generation executes, and
 * its entities; while legacy executes, the migrated legacy records that stand in for it. Live
 * executors read through this class (or, outside Java, the {@code executing_generation} and
 * {@code executing_entities} views it reads too) and never write SQL over Cutover's tables.
 *
 * <p><b>Snapshot rule.</b> Every method taking a {@link Connection} runs its statements on that
 * connection, inside whatever transaction the caller holds; none opens, commits or rolls back a
 * transaction. To read the pointer, the model and your own tables as of one instant, call them in one
 * transaction at REPEATABLE READ: PostgreSQL then takes one snapshot at the first statement.
 *
 * <p><b>During an activation or a rollback.</b> Both switch the pointer in one short transaction
 * ({@code GenerationSwitch}, in the activate step); entities and migrated records are written before
 * and never rewritten. So a reader sees the old model or the new one, never a mix: {@link #current} reads the pointer and
 * its generation in one statement, and the {@code forEach} methods read by run id, immutable rows,
 * whatever commits meanwhile. A model read just before a switch commits is the old one; the next read
 * sees the new one.
 *
 * <p>Stateless: nothing is cached, so a restarted process reads exactly what the database holds.
 */
@ApplicationScoped
public class ExecutingModelReader {

    /** Rows fetched per round trip: a 100k-entity model streams without being loaded whole. */
    public static final int FETCH_SIZE = 1000;

    @Inject
    DataSource dataSource;

    /**
     * The executing model on a connection of the datasource: inside a JTA transaction it joins it (and
     * its snapshot), outside one it reads the latest committed state.
     *
     * @see #current(Connection, String)
     */
    public ExecutingModel current(String migration) {
        try (Connection connection = dataSource.getConnection()) {
            return current(connection, migration);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the executing model of " + migration + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the generation executing now with its run, digest and entity kind; {@link
     *         ExecutingModel#legacy legacy} (generation 0) when the migration was never activated or was
     *         rolled back to legacy
     * @throws IllegalStateException when the pointer names a generation that was never recorded (a
     *                               corrupted database: better to stop than to execute a guess)
     */
    public ExecutingModel current(Connection connection, String migration) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select generation, run_id, digest, entity_kind from executing_generation where migration = ?""")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return ExecutingModel.legacy(migration);
                }
                int generation = rs.getInt(1);
                Long runId = (Long) rs.getObject(2);
                if (runId == null) {
                    throw new IllegalStateException(migration + " executes generation " + generation + ", which is not recorded");
                }
                return new ExecutingModel(migration, generation, runId, rs.getString(3), rs.getString(4));
            }
        }
    }

    /**
     * Streams the entities of {@code model} in model order, {@value #FETCH_SIZE} rows per round trip,
     * to {@code action} on the caller's thread; nothing for legacy. The cursor is closed before this
     * returns, also when {@code action} throws (the exception then propagates).
     *
     * @return how many entities {@code action} received
     * @throws IllegalStateException when the connection is in autocommit mode: PostgreSQL's driver would
     *                               then load every row at once, and the read would have no snapshot
     */
    public long forEachEntity(Connection connection, ExecutingModel model, Consumer<ExecutingEntity> action)
            throws SQLException {
        if (model.isLegacy()) {
            return 0;
        }
        try (PreparedStatement ps = streaming(connection, "select entity_id, body from target_entity where run_id = ? order by ordinal")) {
            ps.setLong(1, model.runId());
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(new ExecutingEntity(rs.getString(1), rs.getString(2)));
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * @return the run whose rows hold {@code executing}: the executing generation's staged model or, while
     *         legacy executes, the legacy model of the {@link #latestPlannedRun latest planned run}; empty
     *         while legacy executes and no run has planned yet (the legacy model is then empty)
     */
    public Optional<ModelOfRun> rowsOf(Connection connection, ExecutingModel executing) throws SQLException {
        return executing.isLegacy() ? legacyRows(connection, executing.migration())
                : Optional.of(new ModelOfRun(executing.runId(), false));
    }

    private Optional<ModelOfRun> legacyRows(Connection connection, String migration) throws SQLException {
        OptionalLong run = latestPlannedRun(connection, migration);
        return run.isEmpty() ? Optional.empty() : Optional.of(new ModelOfRun(run.getAsLong(), true));
    }

    /**
     * @return the run whose migrated records stand in for the legacy system: the latest run of the
     *         migration with a plan report (its retrieval and normalization completed); empty before any
     *         did. A run that completes later replaces it at once: legacy is live data.
     */
    public OptionalLong latestPlannedRun(Connection connection, String migration) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select max(run_id) from plan_report where migration = ?")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long run = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(run);
            }
        }
    }

    /**
     * The model a rollback would switch to, on a connection of the datasource like {@link #current(String)}.
     *
     * @see #rollbackTarget(Connection, String)
     */
    public Optional<ModelOfRun> rollbackTarget(String migration) {
        try (Connection connection = dataSource.getConnection()) {
            return rollbackTarget(connection, migration);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what " + migration + " would roll back to: " + e.getMessage(), e);
        }
    }

    /**
     * The model a rollback would switch to now: the generation that executed before the current one, or,
     * when that is legacy, the records of the {@link #latestPlannedRun latest planned run}.
     *
     * @return that model's run and whether it is the run's legacy model; empty when the migration executes
     *         legacy (nothing to roll back to) or would return to a legacy model that no run planned yet
     * @throws IllegalStateException when the generation to return to was never recorded
     */
    public Optional<ModelOfRun> rollbackTarget(Connection connection, String migration) throws SQLException {
        int previous;
        try (PreparedStatement ps = connection.prepareStatement("""
                select history[cardinality(history)] from executing_model where migration = ? and cardinality(history) > 0""")) {
            ps.setString(1, migration);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                previous = rs.getInt(1);
            }
        }
        if (previous == 0) {
            return legacyRows(connection, migration);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "select run_id from model_generation where migration = ? and generation = ?")) {
            ps.setString(1, migration);
            ps.setInt(2, previous);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(migration + " would roll back to generation " + previous
                            + ", which is not recorded");
                }
                return Optional.of(new ModelOfRun(rs.getLong(1), false));
            }
        }
    }

    /**
     * Streams the records run {@code runId} migrated (outcome {@code MIGRATED}; skipped and anomalous
     * records excluded), in (source, record) order, like {@link #forEachEntity}.
     *
     * @return how many records {@code action} received
     * @throws IllegalStateException when the connection is in autocommit mode (see {@link #forEachEntity})
     */
    public long forEachMigratedRecord(Connection connection, long runId, Consumer<MigratedRecord> action)
            throws SQLException {
        try (PreparedStatement ps = streaming(connection, """
                select source, rec_id, idx, target from record_outcome
                where run_id = ? and kind = 'MIGRATED' order by source, record_key""")) {
            ps.setLong(1, runId);
            long count = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(new MigratedRecord(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                            rs.getString(4)));
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * The entities of {@code model} as a stream, like {@link #forEachEntity}; empty for legacy. Close
     * it (try-with-resources) to close its cursor.
     */
    public Stream<ExecutingEntity> entities(Connection connection, ExecutingModel model) throws SQLException {
        if (model.isLegacy()) {
            return Stream.empty();
        }
        PreparedStatement ps = streaming(connection, "select entity_id, body from target_entity where run_id = ? order by ordinal");
        ps.setLong(1, model.runId());
        return rows(ps, rs -> new ExecutingEntity(rs.getString(1), rs.getString(2)));
    }

    /**
     * The records run {@code runId} migrated as a stream, like {@link #forEachMigratedRecord}. Close
     * it (try-with-resources) to close its cursor.
     */
    public Stream<MigratedRecord> migratedRecords(Connection connection, long runId) throws SQLException {
        PreparedStatement ps = streaming(connection, """
                select source, rec_id, idx, target from record_outcome
                where run_id = ? and kind = 'MIGRATED' order by source, record_key""");
        ps.setLong(1, runId);
        return rows(ps, rs -> new MigratedRecord(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                rs.getString(4)));
    }

    /**
     * The entities of {@code model} with {@code key} ({@link dev.cutover.framework.migration.BehaviorModel#entityKey},
     * through the model's {@link ModelKeyIndex}), in model order, as a stream like {@link #entities};
     * empty for legacy. Close it to close its cursor.
     *
     * @throws ModelKeyIndex.Missing when the model has no key index in the connection's snapshot
     */
    public Stream<ExecutingEntity> entities(Connection connection, ExecutingModel model, String key) throws SQLException {
        if (model.isLegacy()) {
            return Stream.empty();
        }
        ModelKeyIndex.requireBuilt(connection, model.runId(), false);
        // a key's rows are a share of a model of up to millions: one lookup of the key's index and one
        // primary-key probe per entity (the index was analyzed when built, so the plan says so); the index
        // holds the key's hash, whatever the key's length (V21), and each row found checks the key itself
        PreparedStatement ps = streaming(connection, """
                select t.entity_id, t.body from entity_key k
                join target_entity t on t.run_id = k.run_id and t.entity_id = k.entity_id
                where k.run_id = ? and hashtext(k.key) = hashtext(?) and k.key = ? order by t.ordinal""");
        ps.setLong(1, model.runId());
        ps.setString(2, key);
        ps.setString(3, key);
        return rows(ps, rs -> new ExecutingEntity(rs.getString(1), rs.getString(2)));
    }

    /**
     * The records run {@code runId} migrated that have a leaf with {@code key} ({@link
     * dev.cutover.framework.migration.BehaviorModel#leafKey}, through the legacy model's {@link
     * ModelKeyIndex}), in (source, record) order, as a stream like {@link #migratedRecords}; a record's
     * leaves with other keys come with it. Close it to close its cursor.
     *
     * @throws ModelKeyIndex.Missing when the run's legacy model has no key index in the connection's snapshot
     */
    public Stream<MigratedRecord> migratedRecords(Connection connection, long runId, String key) throws SQLException {
        ModelKeyIndex.requireBuilt(connection, runId, true);
        PreparedStatement ps = streaming(connection, """
                select r.source, r.rec_id, r.idx, r.target from legacy_key k
                join record_outcome r on r.run_id = k.run_id and r.source = k.source and r.record_key = k.record_key
                where k.run_id = ? and hashtext(k.key) = hashtext(?) and k.key = ? order by r.source, r.record_key""");
        ps.setLong(1, runId);
        ps.setString(2, key);
        ps.setString(3, key);
        return rows(ps, rs -> new MigratedRecord(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                rs.getString(4)));
    }

    /** A row reader that may fail like JDBC. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    // a lazy stream over the cursor: rows are fetched FETCH_SIZE at a time as the consumer pulls them
    private static <T> Stream<T> rows(PreparedStatement ps, Row<T> row) throws SQLException {
        ResultSet rs;
        try {
            rs = ps.executeQuery();
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    if (!rs.next()) {
                        return false;
                    }
                    action.accept(row.read(rs));
                    return true;
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the executing model: " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            try {
                ps.close();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close a cursor over the executing model: " + e.getMessage(), e);
            }
        });
    }

    static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("reading a model needs a transaction: in autocommit mode every row "
                    + "would be loaded at once and the read would have no snapshot");
        }
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setFetchSize(FETCH_SIZE);
        return ps;
    }
}
