package dev.cutover.framework.normalize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;

/**
 * Raw records grouped per legacy record, and the lineage outcome of each record. Outcome writes
 * join the caller's (chunk) transaction and ignore records already decided, so a replayed chunk
 * cannot give a record two outcomes.
 */
@RegisterForReflection(targets = OutcomeStore.Position.class, serialization = true)
@ApplicationScoped
public class OutcomeStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A position in a source's records: after the record key, in "C" collation order ({@code ""}: before every key). */
    public record Position(String source, String recordKey) implements java.io.Serializable {
    }

    /** A raw item with the key of the record it is a copy of. */
    public record KeyedItem(String recordKey, RawItem item) {
    }

    /**
     * Keyset read of one source's raw items: the next {@code limit} items of {@code source} after the
     * item ({@code recordKey}, {@code index}), in (record key, index) order, so the copies of one record
     * come together and in listing order. One range scan of {@code raw_record_by_key_idx} per call,
     * whatever the run's size and the table's statistics: a whole pass is linear.
     */
    public List<KeyedItem> itemsAfter(long runId, String source, String recordKey, int index, int limit) {
        return Sql.query(dataSource, """
                select source, idx, rec_id, body, record_key from raw_record
                where run_id = ? and source = ? and (record_key, idx) > (?, ?)
                order by record_key, idx limit ?
                """, rs -> new KeyedItem(rs.getString(5), new RawItem(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4))),
                runId, source, recordKey, index, limit);
    }

    /**
     * @return where the normalize step resumes in {@code source}: after the greatest record key that
     *         has an outcome. The records of a source are decided in key order, one chunk committed
     *         after the other, so every record before it is decided too; {@code ""} (before every key)
     *         when none is
     */
    public Position resumeAfter(long runId, String source) {
        String last = Sql.query(dataSource, "select max(record_key) from record_outcome where run_id = ? and source = ?",
                rs -> rs.getString(1), runId, source).get(0);
        return new Position(source, last == null ? "" : last);
    }

    /**
     * Refreshes the planner's statistics of {@code raw_record} after the retrieve step's bulk load
     * (ANALYZE samples a bounded number of rows, whatever the table's size).
     */
    public void analyzeRawRecords() {
        Sql.update(dataSource, "analyze raw_record");
    }

    /**
     * @return the run's legacy records: one per distinct (source, id), one per item without a usable id
     *         (what the normalize step decides, and the plan's {@code counts.fetched})
     */
    public long recordCount(long runId) {
        return Sql.query(dataSource,
                "select count(*) from (select distinct source, record_key from raw_record where run_id = ?) r",
                rs -> rs.getLong(1), runId).get(0);
    }

    /** @return the records of the run decided so far (by earlier executions, on restart) */
    public long outcomeCount(long runId) {
        return Sql.query(dataSource, "select count(*) from record_outcome where run_id = ?", rs -> rs.getLong(1), runId).get(0);
    }

    public void store(long runId, List<RecordOutcome> outcomes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, code, detail, target)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
            for (RecordOutcome o : outcomes) {
                Sql.bind(ps, runId, o.source(), RecordKey.of(o.id(), o.index()), o.id(), o.index(), o.kind().name(),
                        o.code(), o.detail(), o.target() == null ? null : o.target().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store record outcomes of run " + runId, e);
        }
    }

    /** @return every outcome of the run, in (source, key) order */
    public List<RecordOutcome> outcomes(long runId) {
        return Sql.query(dataSource, """
                select source, rec_id, idx, kind, code, detail, target from record_outcome
                where run_id = ? order by source, record_key""",
                rs -> new RecordOutcome(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        RecordOutcome.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        readTarget(rs.getString(7))),
                runId);
    }

    private com.fasterxml.jackson.databind.JsonNode readTarget(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored target is not JSON: " + text, e);
        }
    }
}
