package dev.cutover.framework.normalize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** A position in the run's records: (source, record key), both in "C" collation order. */
    public record Position(String source, String recordKey) implements java.io.Serializable {
        public static final Position START = new Position("", "");
    }

    /**
     * @return the copies of the next {@code limit} records after {@code after}, record by record in
     *         (source, key) order, each record's copies in listing order
     */
    public List<List<RawItem>> recordsAfter(long runId, Position after, int limit) {
        List<RawItem> rows = Sql.query(dataSource, """
                with next_keys as (
                    select distinct source, record_key from raw_record
                    where run_id = ? and (source, record_key) > (?, ?)
                    order by source, record_key limit ?)
                select r.source, r.idx, r.rec_id, r.body from raw_record r join next_keys k
                  on r.source = k.source and r.record_key = k.record_key
                where r.run_id = ? order by r.source, r.record_key, r.idx
                """, rs -> new RawItem(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                runId, after.source(), after.recordKey(), limit, runId);
        List<List<RawItem>> records = new ArrayList<>();
        String lastKey = null;
        for (RawItem row : rows) {
            String key = row.source() + '\u0000' + RecordKey.of(row.id(), row.index());
            if (!key.equals(lastKey)) {
                records.add(new ArrayList<>());
                lastKey = key;
            }
            records.get(records.size() - 1).add(row);
        }
        return records;
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
