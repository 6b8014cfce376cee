package dev.cutover.framework.normalize;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.migration.RawItem;
import dev.cutover.framework.run.CopyRows;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.toolkit.CodePoints;

/**
 * Raw records grouped per legacy record, the lineage outcome of each record, and a migrated record's
 * leaves keyed for the plan step ({@code record_leaf}). Outcome writes join the caller's (chunk)
 * transaction and ignore records already decided, so a replayed chunk cannot give a record two
 * outcomes, and writes the leaves of the outcomes it inserted only. {@code record_leaf} is unlogged
 * (at 1M records a logged table cost the normalize step 3 to 4 s more, what the plan step saved):
 * PostgreSQL empties it when it recovers from a crash, and the plan step then keys the leaves from the
 * outcomes again. Each chunk's count of the leaves it wrote goes with them ({@code record_leaf_count},
 * unlogged too, so emptied with them): what the plan step reads to know whether every migrated record
 * has its leaves.
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

    /** @return the records of the run decided so far (by earlier executions, on restart) */
    public long outcomeCount(long runId) {
        return Sql.query(dataSource, "select count(*) from record_outcome where run_id = ?", rs -> rs.getLong(1), runId).get(0);
    }

    /**
     * Stores the outcome of each record that has none yet and, for each outcome inserted, its keyed
     * leaves (COPY into {@code record_leaf}): in the caller's transaction, so a replayed chunk, whose
     * outcomes are already there, inserts nothing, neither outcome nor leaf. A chunk none of whose
     * records has an outcome (every chunk but a replayed one: the reader resumes after the last decided
     * record) is copied ({@code COPY}); otherwise each outcome is inserted unless there, and the leaves
     * of those inserted only. The table's primary key holds either way.
     */
    public void store(long runId, List<DecidedRecord> records) {
        int n = records.size();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            RecordOutcome o = records.get(i).outcome();
            keys[i] = RecordKey.of(o.id(), o.index());
        }
        try (Connection c = dataSource.getConnection()) {
            if (n > 0 && noneDecided(c, runId, records, keys)) {
                copyOutcomes(c, runId, records, keys);
                storeLeaves(c, runId, records, keys, null);
            } else {
                storeLeaves(c, runId, records, keys, insertUndecided(c, runId, records, keys));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store record outcomes of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return whether no record of the chunk has an outcome: one probe of the primary key per source, for
     *         any outcome between the source's least and greatest key of the chunk (code-point order is
     *         the "C" collation's, the order of UTF-8 bytes). A chunk's records are consecutive keys of a
     *         source, so such an outcome is one of its records
     */
    static boolean noneDecided(Connection c, long runId, List<DecidedRecord> records, String[] keys)
            throws SQLException {
        Map<String, String[]> ranges = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String key = keys[i];
            String[] range = ranges.computeIfAbsent(records.get(i).outcome().source(), s -> new String[] { key, key });
            if (CodePoints.compare(key, range[0]) < 0) {
                range[0] = key;
            }
            if (CodePoints.compare(key, range[1]) > 0) {
                range[1] = key;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select exists (select 1 from record_outcome
                               where run_id = ? and source = ? and record_key >= ? and record_key <= ?)""")) {
            for (Map.Entry<String, String[]> range : ranges.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, range.getKey());
                ps.setString(3, range.getValue()[0]);
                ps.setString(4, range.getValue()[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * COPY of the chunk's outcomes. Measured on 1M outcomes of notification rules in chunks of 1,000: 3.4
     * to 3.7 s of PostgreSQL's CPU against 6.7 to 7.4 s for the insert from arrays, whose text PostgreSQL
     * parses as array literals.
     */
    private static void copyOutcomes(Connection c, long runId, List<DecidedRecord> records, String[] keys)
            throws SQLException {
        CopyRows copy = CopyRows.in(c,
                "copy record_outcome (run_id, source, record_key, rec_id, idx, kind, code, detail, target) from stdin",
                "the record outcomes of run " + runId);
        try {
            for (int i = 0; i < records.size(); i++) {
                DecidedRecord record = records.get(i);
                RecordOutcome o = record.outcome();
                copy.field(runId).field(o.source()).field(keys[i]).field(o.id())
                        .field(o.index() == null ? null : o.index().toString()).field(o.kind().name()).field(o.code())
                        .field(o.detail()).field(record.targetText()).endRow();
            }
            copy.end();
            copy = null;
        } finally {
            if (copy != null) {
                copy.cancel();
            }
        }
    }

    /** @return the records of the chunk whose outcome this inserted, as source + U+0000 + record key */
    private static Set<String> insertUndecided(Connection c, long runId, List<DecidedRecord> records, String[] keys)
            throws SQLException {
        int n = records.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        Integer[] indexes = new Integer[n];
        String[] kinds = new String[n];
        String[] codes = new String[n];
        String[] details = new String[n];
        String[] targets = new String[n];
        for (int i = 0; i < n; i++) {
            DecidedRecord record = records.get(i);
            RecordOutcome o = record.outcome();
            sources[i] = o.source();
            ids[i] = o.id();
            indexes[i] = o.index();
            kinds[i] = o.kind().name();
            codes[i] = o.code();
            details[i] = o.detail();
            targets[i] = record.targetText();
        }
        Set<String> inserted = new HashSet<>();
        // one statement per chunk; it says which records it inserted, and only their leaves are written
        try (PreparedStatement ps = c.prepareStatement("""
                insert into record_outcome (run_id, source, record_key, rec_id, idx, kind, code, detail, target)
                select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict do nothing returning source, record_key""")) {
            ps.setLong(1, runId);
            ps.setArray(2, c.createArrayOf("text", sources));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("text", ids));
            ps.setArray(5, c.createArrayOf("int4", indexes));
            ps.setArray(6, c.createArrayOf("text", kinds));
            ps.setArray(7, c.createArrayOf("text", codes));
            ps.setArray(8, c.createArrayOf("text", details));
            ps.setArray(9, c.createArrayOf("text", targets));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + '\u0000' + rs.getString(2));
                }
            }
        }
        return inserted;
    }

    /** @param inserted the records whose leaves to write (source + U+0000 + record key), {@code null}: all */
    private static void storeLeaves(Connection c, long runId, List<DecidedRecord> records, String[] keys,
            Set<String> inserted) throws SQLException {
        CopyRows copy = null;
        int withLeaves = 0;
        int leaves = 0;
        try {
            for (int i = 0; i < records.size(); i++) {
                DecidedRecord record = records.get(i);
                RecordOutcome o = record.outcome();
                if (record.leaves().isEmpty() || inserted != null && !inserted.contains(o.source() + '\u0000' + keys[i])) {
                    continue;
                }
                withLeaves++;
                leaves += record.leaves().size();
                if (copy == null) {
                    copy = CopyRows.in(c,
                            "copy record_leaf (run_id, source, record_key, rec_id, idx, leaf_no, order_key, group_key, leaf) from stdin",
                            "the keyed leaves of run " + runId);
                }
                for (DecidedRecord.KeyedLeaf leaf : record.leaves()) {
                    copy.field(runId).field(o.source()).field(keys[i]).field(o.id())
                            .field(o.index() == null ? null : o.index().toString()).field(leaf.leafNo())
                            .field(leaf.order()).field(leaf.key()).field(leaf.leaf()).endRow();
                }
            }
            if (copy != null) {
                copy.end();
                copy = null;
                countLeaves(c, runId, withLeaves, leaves);
            }
        } finally {
            if (copy != null) {
                copy.cancel();
            }
        }
    }

    /**
     * Records what the chunk wrote into {@code record_leaf} ({@code record_leaf_count}, unlogged as well:
     * emptied with it by crash recovery), so that the plan step sums a row per chunk instead of reading
     * every leaf of the run.
     */
    private static void countLeaves(Connection c, long runId, int records, int leaves) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into record_leaf_count (run_id, records, leaves) values (?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, records);
            ps.setInt(3, leaves);
            ps.executeUpdate();
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
