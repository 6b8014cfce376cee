package dev.cutover.framework.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A chunk of records none of which is decided is copied into {@code record_outcome}; one with decided
 * records is inserted record by record unless there. Both store the same rows, whatever the characters
 * of ids, details and targets, and write the leaves of the outcomes they inserted only.
 */
@QuarkusTest
class OutcomeStoreTest {

    private static final long COPIED = 9_100_000_111L;
    private static final long INSERTED = 9_100_000_112L;

    /** Characters that COPY's text format, array literals or SQL treat specially, and some that UTF-16 does. */
    private static final String HOSTILE = "tab\there nl\nhere cr\rhere back\\slash \\N NULL \"quote\" {brace},comma"
            + " 'single' ß é e\u0301 \uD83D\uDE00 \u4E2D";

    /** Not UTF-16: both ways send it as UTF-8's replacement, {@code ?}. */
    private static final String LONE_SURROGATE = "lone \uD800 surrogate";

    @Inject
    OutcomeStore store;

    @Inject
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        for (String table : List.of("record_outcome", "record_leaf", "record_leaf_count")) {
            Sql.update(dataSource, "delete from " + table + " where run_id in (?, ?)", COPIED, INSERTED);
        }
    }

    @Test
    void copiedAndInsertedChunksStoreTheSameOutcomesAndLeavesWhateverTheirCharacters() {
        List<DecidedRecord> chunk = hostileChunk();
        store.store(COPIED, chunk);
        // one record decided first: the whole chunk then takes the insert, which skips it
        store.store(INSERTED, List.of(chunk.get(2)));
        store.store(INSERTED, chunk);

        assertThat(rows(INSERTED, "record_outcome")).hasSize(chunk.size()).isEqualTo(rows(COPIED, "record_outcome"));
        assertThat(rows(INSERTED, "record_leaf")).hasSize(5).isEqualTo(rows(COPIED, "record_leaf"));
        List<RecordOutcome> decided = chunk.stream().map(DecidedRecord::outcome).toList();
        assertThat(store.outcomes(COPIED)).filteredOn(o -> !"r2".equals(o.id()))
                .containsExactlyInAnyOrderElementsOf(decided.stream().filter(o -> !"r2".equals(o.id())).toList());
        assertThat(Sql.query(dataSource, "select detail from record_outcome where run_id = ? and rec_id in (?, ?) order by rec_id",
                rs -> rs.getString(1), COPIED, "r2", "s" + HOSTILE))
                .containsExactly(HOSTILE + LONE_SURROGATE.replace('\uD800', '?'), HOSTILE);
    }

    @Test
    void aReplayedCopiedChunkStoresNothingTwice() {
        List<DecidedRecord> chunk = hostileChunk();
        store.store(COPIED, chunk);
        String outcomes = rows(COPIED, "record_outcome").toString();
        String leaves = rows(COPIED, "record_leaf").toString();
        store.store(COPIED, chunk);
        store.store(COPIED, chunk.subList(1, 3));

        assertThat(rows(COPIED, "record_outcome")).hasToString(outcomes);
        assertThat(rows(COPIED, "record_leaf")).hasToString(leaves);
    }

    @Test
    void aChunkIsUndecidedUntilAnOutcomeOfItsSourceLiesBetweenItsLeastAndGreatestKey() throws SQLException {
        IntFunction<DecidedRecord> record = i -> skipped("a", String.format("r%02d", i));
        List<DecidedRecord> middle = IntStream.of(10, 11, 12).mapToObj(record).toList();
        assertThat(undecided(middle)).isTrue();

        // outcomes before, after and in another source do not decide the chunk
        store.store(COPIED, List.of(record.apply(9), record.apply(13), skipped("b", "r11")));
        assertThat(undecided(middle)).isTrue();
        assertThat(undecided(List.of(skipped("b", "r10"), skipped("b", "r12")))).isFalse();
        // keys compare in code points, as "C" orders UTF-8: U+FFFD before U+1F600, unlike UTF-16 units
        store.store(COPIED, List.of(skipped("a", "x\uFFFD")));
        assertThat(undecided(List.of(skipped("a", "x\uD83D\uDE00"), skipped("a", "x\uE000")))).isFalse();
        assertThat(undecided(List.of(skipped("a", "x\uE000"), skipped("a", "x\u00E9")))).isTrue();
        // one decided record at either end or inside
        store.store(COPIED, List.of(record.apply(12)));
        assertThat(undecided(middle)).isFalse();
        assertThat(undecided(middle.subList(0, 2))).isTrue();
        assertThat(undecided(List.of(record.apply(20), record.apply(12)))).isFalse();
    }

    private boolean undecided(List<DecidedRecord> chunk) throws SQLException {
        String[] keys = chunk.stream().map(r -> RecordKey.of(r.outcome().id(), r.outcome().index())).toArray(String[]::new);
        try (Connection c = dataSource.getConnection()) {
            return OutcomeStore.noneDecided(c, COPIED, chunk, keys);
        }
    }

    private static DecidedRecord skipped(String source, String id) {
        return new DecidedRecord(RecordOutcome.skipped(source, id, null, "DISABLED", "disabled"), List.of());
    }

    private static List<DecidedRecord> hostileChunk() {
        ArrayNode target = JsonNodeFactory.instance.arrayNode().add(HOSTILE).add("b");
        ArrayNode one = JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("k", HOSTILE));
        return List.of(
                new DecidedRecord(RecordOutcome.migrated("s", "r1", null, target),
                        List.of(new DecidedRecord.KeyedLeaf(0, "k1", "{\"g\":1}", target.get(0).toString()),
                                new DecidedRecord.KeyedLeaf(1, "k2", "{\"g\":\"" + HOSTILE + "\"}", "\"b\""))),
                new DecidedRecord(RecordOutcome.skipped("s", "r2", null, "DISABLED", HOSTILE + LONE_SURROGATE), List.of()),
                new DecidedRecord(RecordOutcome.migrated("s", "r3", null, one),
                        List.of(new DecidedRecord.KeyedLeaf(0, "k3", "{\"g\":3}", one.get(0).toString()))),
                new DecidedRecord(RecordOutcome.anomaly("s", "s" + HOSTILE, null, "MISSING_FIELD", HOSTILE), List.of()),
                new DecidedRecord(RecordOutcome.anomaly("s", null, 7, "MISSING_FIELD", "no id"), List.of()),
                // a target of more than one leaf whose leaves are not all keyed is stored as the target's text
                new DecidedRecord(RecordOutcome.migrated("s", "r4", null, target),
                        List.of(new DecidedRecord.KeyedLeaf(0, "k4", "{\"g\":4}", target.get(0).toString()))),
                new DecidedRecord(RecordOutcome.migrated("t", "r1", null, one),
                        List.of(new DecidedRecord.KeyedLeaf(0, "k5", "{\"g\":5}", one.get(0).toString()))));
    }

    /** Every column but the run's, in key order. */
    private List<String> rows(long runId, String table) {
        String columns = table.equals("record_outcome")
                ? "source, record_key, rec_id, idx, kind, code, detail, target"
                : "source, record_key, rec_id, idx, leaf_no, order_key, group_key, leaf";
        return Sql.query(dataSource, "select row(" + columns + ")::text from " + table + " where run_id = ? order by "
                + (table.equals("record_outcome") ? "source, record_key" : "source, record_key, leaf_no"),
                rs -> rs.getString(1), runId);
    }
}
