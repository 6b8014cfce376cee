package dev.cutover.framework.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.run.Sql;

/**
 * What the plan step reads of a run's record outcomes, without holding them: the migrated ones one by
 * one through {@link ExecutingModelReader#forEachMigratedRecord}'s cursor, the rest counted by the
 * database. Read-only.
 */
@ApplicationScoped
public class PlanInputs {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    ExecutingModelReader models;

    /** Hands each migrated outcome of the run to {@code action}, through the executing model's cursor over them. */
    public void forEachMigrated(long runId, Consumer<RecordOutcome> action) {
        try (Connection c = dataSource.getConnection()) {
            // a cursor needs a transaction of its own; it only reads
            c.setAutoCommit(false);
            try {
                models.forEachMigratedRecord(c, runId, record -> action.accept(RecordOutcome.migrated(record.source(),
                        record.id(), record.index(), readTarget(record.target()))));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migrated records of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return how many migrated records of the run, and leaves of theirs, the normalize step stored keyed
     *         ({@code record_leaf}), as it counted them with each chunk ({@code record_leaf_count}); none for a
     *         run normalized before those tables existed. Fewer records than the run migrated after a crash of
     *         PostgreSQL, which empties both tables (unlogged) while the outcomes stay
     */
    public ModelPlanning.StoredLeaves storedLeaves(long runId) {
        return storedLeaves(dataSource, runId);
    }

    /** {@link #storedLeaves(long)} in {@code dataSource} (the plan step's benchmark reads a kept database). */
    public static ModelPlanning.StoredLeaves storedLeaves(DataSource dataSource, long runId) {
        // the normalize step's count of each chunk's leaves, emptied with them by crash recovery: a read of a
        // row per chunk (4 ms at 1M), where counting the leaves read the run's whole record_leaf heap (1.1 to 1.3 s)
        return Sql.query(dataSource, """
                select coalesce(sum(records), 0), coalesce(sum(leaves), 0) from record_leaf_count where run_id = ?""",
                rs -> new ModelPlanning.StoredLeaves(rs.getLong(1), rs.getLong(2)), runId).get(0);
    }

    /**
     * @return the run's outcomes counted per kind and code, the sources that listed any, and its anomalous
     *         records, which are read from the database each time they are written
     */
    public OutcomeTally tally(long runId) {
        long fetched = 0;
        long migrated = 0;
        TreeMap<String, Long> skipped = new TreeMap<>();
        TreeMap<String, Long> anomalies = new TreeMap<>();
        Set<String> sources = new HashSet<>();
        for (Count count : Sql.query(dataSource, """
                select source, kind, code, count(*) from record_outcome where run_id = ?
                group by source, kind, code""",
                rs -> new Count(rs.getString(1), RecordOutcome.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4)),
                runId)) {
            sources.add(count.source());
            fetched += count.records();
            switch (count.kind()) {
                case MIGRATED -> migrated += count.records();
                case SKIPPED -> skipped.merge(count.code(), count.records(), Long::sum);
                case ANOMALY -> anomalies.merge(count.code(), count.records(), Long::sum);
            }
        }
        return new OutcomeTally(fetched, migrated, skipped, anomalies, AnomalyRecords.stored(dataSource, runId), sources);
    }

    private record Count(String source, RecordOutcome.Kind kind, String code, long records) {
    }

    private com.fasterxml.jackson.databind.JsonNode readTarget(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored target is not JSON: " + text, e);
        }
    }
}
