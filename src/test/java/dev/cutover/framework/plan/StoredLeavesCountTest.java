package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.normalize.DecidedRecord;
import dev.cutover.framework.normalize.OutcomeStore;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.run.Sql;
import dev.cutover.support.CrashRecovery;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan step reads how many migrated records have keyed leaves, and how many leaves, from the counts
 * each normalize chunk stored with its leaves ({@code record_leaf_count}), not by reading the leaves.
 * Those counts are always what {@code record_leaf} holds for the run: for copied, inserted and replayed
 * chunks, and after a crash of PostgreSQL, which empties both tables (both unlogged) and keeps the
 * outcomes, so that a restart's later chunks leave fewer records with leaves than the run migrated.
 */
@QuarkusTest
class StoredLeavesCountTest {

    private static final long RUN = 9_100_000_131L;

    @Inject
    OutcomeStore outcomes;

    @Inject
    PlanInputs inputs;

    @Inject
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        for (String table : List.of("record_outcome", "record_leaf", "record_leaf_count")) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
    }

    @Test
    void theCountsAreWhatTheLeavesTableHoldsForCopiedInsertedAndReplayedChunks() {
        List<DecidedRecord> records = records(0, 30);
        outcomes.store(RUN, records.subList(0, 10));
        assertThat(inputs.storedLeaves(RUN)).isEqualTo(counted()).isEqualTo(new ModelPlanning.StoredLeaves(7, 10));

        // a chunk replayed whole, then one replayed in part (inserted record by record: its new records only)
        outcomes.store(RUN, records.subList(0, 10));
        outcomes.store(RUN, records.subList(5, 20));
        assertThat(inputs.storedLeaves(RUN)).isEqualTo(counted()).isEqualTo(new ModelPlanning.StoredLeaves(14, 21));

        // a chunk without a migrated record stores no leaf and no count
        outcomes.store(RUN, List.of(skipped(20), skipped(21)));
        assertThat(inputs.storedLeaves(RUN)).isEqualTo(counted());
        assertThat(Sql.query(dataSource, "select count(*) from record_leaf_count where run_id = ?", rs -> rs.getLong(1), RUN))
                .containsExactly(2L);
    }

    @Test
    void afterACrashOfTheDatabaseTheCountsHoldOnlyTheLeavesWrittenSince() {
        assertThat(CrashRecovery.unloggedTables(dataSource)).contains("record_leaf", "record_leaf_count");
        List<DecidedRecord> records = records(0, 40);
        outcomes.store(RUN, records.subList(0, 20));
        // what recovery does to this run's rows of the unlogged tables (the other runs' rows are the other tests')
        for (String table : CrashRecovery.unloggedTables(dataSource)) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
        assertThat(inputs.storedLeaves(RUN)).isEqualTo(new ModelPlanning.StoredLeaves(0, 0));

        outcomes.store(RUN, records.subList(20, 40));
        ModelPlanning.StoredLeaves stored = inputs.storedLeaves(RUN);
        assertThat(stored).isEqualTo(counted());
        long migrated = records.stream().filter(r -> r.outcome().kind() == RecordOutcome.Kind.MIGRATED).count();
        assertThat(stored.records()).isPositive().isLessThan(migrated);
    }

    /** The old way: counting the run's leaves. */
    private ModelPlanning.StoredLeaves counted() {
        return Sql.query(dataSource, "select count(*) filter (where leaf_no = 0), count(*) from record_leaf where run_id = ?",
                rs -> new ModelPlanning.StoredLeaves(rs.getLong(1), rs.getLong(2)), RUN).get(0);
    }

    /** Records r00 up: every third skipped, the others migrated with one leaf or (every other) two. */
    private static List<DecidedRecord> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> i % 3 == 2 ? skipped(i) : migrated(i, i % 2 == 0 ? 2 : 1)).toList();
    }

    private static DecidedRecord migrated(int i, int leaves) {
        String id = String.format("r%02d", i);
        ArrayNode target = JsonNodeFactory.instance.arrayNode();
        IntStream.range(0, leaves).forEach(n -> target.add(id + "-" + n));
        return new DecidedRecord(RecordOutcome.migrated("s", id, null, target), IntStream.range(0, leaves)
                .mapToObj(n -> new DecidedRecord.KeyedLeaf(n, id + "-" + n, "{\"g\":" + i + "}", target.get(n).toString()))
                .toList());
    }

    private static DecidedRecord skipped(int i) {
        return new DecidedRecord(RecordOutcome.skipped("s", String.format("r%02d", i), null, "DISABLED", "disabled"), List.of());
    }
}
