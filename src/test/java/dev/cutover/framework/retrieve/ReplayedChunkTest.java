package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.cutover.framework.normalize.DecidedRecord;
import dev.cutover.framework.normalize.OutcomeStore;
import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.toolkit.LegacyJson;
import dev.cutover.support.RolledBack;
import dev.cutover.support.Waits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A chunk replayed after a crash (its writes committed, its checkpoint lost, or a page fetched again
 * by a restart) stores nothing twice: the pages and raw items of a multi-page chunk, and the outcomes
 * of a normalize chunk, keep their first rows; two writers of one page (a zombie and its takeover) store
 * its items once, the committed writer's.
 */
@QuarkusTest
class ReplayedChunkTest {

    private static final long RUN = 9_100_000_102L;

    @Inject
    RetrievalStore retrieval;

    @Inject
    OutcomeStore outcomes;

    @Inject
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        for (String table : List.of("retrieved_page", "raw_record", "record_outcome", "record_leaf", "record_leaf_count")) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
    }

    @Test
    void aReplayedRetrieveChunkOfSeveralPagesStoresNoPageAndNoItemTwice() {
        List<FetchedPage> chunk = List.of(page(0, null, "c1", 0, "r1", "r2"), page(1, "c1", "c2", 2, "r3", "r1"),
                page(2, "c2", null, 4, "r4"));
        retrieval.store(RUN, chunk);
        String before = snapshot();
        retrieval.store(RUN, chunk);
        retrieval.store(RUN, chunk.get(1));

        assertThat(count("retrieved_page")).isEqualTo(3);
        assertThat(count("raw_record")).isEqualTo(5);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(retrieval.summaries(RUN)).singleElement()
                .isEqualTo(new RetrievalStore.SourceSummary("s", 4, 4, 7));
    }

    @Test
    void aPageFetchedAgainListingOtherAndMoreItemsKeepsTheItemsStoredWithIt() {
        retrieval.store(RUN, page(0, null, "c1", 0, "r1", "r2"));
        String before = snapshot();
        retrieval.store(RUN, page(0, null, "c1", 0, "r9", "r8", "r7"));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(Sql.query(dataSource, "select rec_id from raw_record where run_id = ? order by idx", rs -> rs.getString(1), RUN))
                .containsExactly("r1", "r2");
    }

    @Test
    void aReplayedChunkWhosePagesWereStoredInPartStoresTheOthersAndKeepsTheStoredOnesItems() {
        retrieval.store(RUN, page(1, "c1", "c2", 2, "r3", "r9"));
        retrieval.store(RUN, List.of(page(0, null, "c1", 0, "r1", "r2"), page(1, "c1", "c2", 2, "r3", "r1"),
                page(2, "c2", null, 4, "r4")));

        assertThat(Sql.query(dataSource, "select idx || '=' || rec_id from raw_record where run_id = ? order by idx",
                rs -> rs.getString(1), RUN)).containsExactly("0=r1", "1=r2", "2=r3", "3=r9", "4=r4");
    }

    @Test
    void twoWritersOfOnePageStoreItsItemsOnceWhicheverCommits() throws Exception {
        for (boolean firstCommits : List.of(true, false)) {
            CountDownLatch stored = new CountDownLatch(1);
            CountDownLatch end = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Runnable firstWriter = () -> {
                    retrieval.store(RUN, page(0, null, null, 0, "r1", "r2"));
                    stored.countDown();
                    Waits.released(end);
                };
                Future<?> first = threads.submit(() -> {
                    if (firstCommits) {
                        QuarkusTransaction.requiringNew().run(firstWriter);
                    } else {
                        RolledBack.inATransaction(firstWriter);
                    }
                });
                Waits.released(stored);
                Future<?> second = threads.submit(() -> QuarkusTransaction.requiringNew()
                        .run(() -> retrieval.store(RUN, page(0, null, null, 0, "r9", "r8", "r7"))));
                // the second writer's page insert waits on the first's uncommitted page row
                Waits.backendWaitingOnLockIn(dataSource, "insert into retrieved_page");
                end.countDown();
                first.get(20, TimeUnit.SECONDS);
                second.get(20, TimeUnit.SECONDS);
            } finally {
                end.countDown();
                threads.shutdownNow();
            }

            assertThat(Sql.query(dataSource, "select rec_id from raw_record where run_id = ? order by idx", rs -> rs.getString(1), RUN))
                    .containsExactlyElementsOf(firstCommits ? List.of("r1", "r2") : List.of("r9", "r8", "r7"));
            assertThat(Sql.query(dataSource, "select item_count from retrieved_page where run_id = ?", rs -> rs.getInt(1), RUN))
                    .containsExactly(firstCommits ? 2 : 3);
            cleanUp();
        }
    }

    @Test
    void itemsAreStoredExactlyAsListedWhateverTheirCharacters() {
        String spaced = "{\t\"id\" :\r\n \"a\\\\b\\n\\t\", \"note\": \"\u00e9\u4e2d\ud83d\ude00 \\\\N\"}";
        BigInteger longVersion = BigInteger.TEN.pow(SourceItem.MAX_VERSION_DIGITS - 1);
        List<SourceItem> items = List.of(new SourceItem(spaced, "a\\b\n\t", longVersion),
                new SourceItem("{\"id\":\"x\\u0000y\"}", "x\u0000y", null), new SourceItem("[]", null, null));
        retrieval.store(RUN, new FetchedPage("s", 0, null, 0, new SourcePage(items, null, 3, 1)));

        assertThat(Sql.query(dataSource, """
                select body, coalesce(rec_id, '-'), coalesce(version::text, '-'), coalesce(nul_id, '-'), record_key
                from raw_record where run_id = ? order by idx""",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), RUN))
                .containsExactly(List.of(spaced, "a\\b\n\t", longVersion.toString(), "-", RecordKey.of("a\\b\n\t", 0)),
                        List.of("{\"id\":\"x\\u0000y\"}", "-", "-", LegacyJson.escaped("x\u0000y"), RecordKey.of(null, 1)),
                        List.of("[]", "-", "-", "-", RecordKey.of(null, 2)));
    }

    @Test
    void aReplayedNormalizeChunkGivesNoRecordASecondOutcomeNorALeafTwice() {
        ArrayNode target = JsonNodeFactory.instance.arrayNode().add("a").add("b");
        List<DecidedRecord> chunk = List.of(
                new DecidedRecord(RecordOutcome.migrated("s", "r1", null, target),
                        List.of(new DecidedRecord.KeyedLeaf(0, "k1", "{\"g\":1}", "\"a\""),
                                new DecidedRecord.KeyedLeaf(1, "k2", "{\"g\":2}", "\"b\""))),
                new DecidedRecord(RecordOutcome.skipped("s", "r2", null, "DISABLED", "disabled"), List.of()),
                new DecidedRecord(RecordOutcome.anomaly("s", null, 7, "MISSING_FIELD", "no id"), List.of()));
        outcomes.store(RUN, chunk);
        outcomes.store(RUN, chunk);
        // the same record decided otherwise in a replay: the first decision stands, with its leaves alone
        outcomes.store(RUN, List.of(new DecidedRecord(RecordOutcome.migrated("s", "r1", null, target),
                List.of(new DecidedRecord.KeyedLeaf(0, "k9", "{\"g\":9}", "\"z\"")))));

        assertThat(count("record_outcome")).isEqualTo(3);
        assertThat(outcomes.outcomes(RUN)).containsExactlyElementsOf(chunk.stream().map(DecidedRecord::outcome).toList());
        assertThat(count("record_leaf")).isEqualTo(2);
        assertThat(Sql.query(dataSource, """
                select source || ' ' || record_key || ' ' || rec_id || ' ' || leaf_no || ' ' || order_key || ' ' || group_key
                       || ' ' || leaf from record_leaf where run_id = ? order by leaf_no""", rs -> rs.getString(1), RUN))
                .containsExactly("s i:r1 r1 0 k1 {\"g\":1} \"a\"", "s i:r1 r1 1 k2 {\"g\":2} \"b\"");
    }

    private static FetchedPage page(int pageNo, String cursor, String next, int firstIndex, String... ids) {
        List<SourceItem> items = java.util.Arrays.stream(ids)
                .map(id -> new SourceItem("{\"id\":\"" + id + "\",\"version\":1}", id, BigInteger.ONE)).toList();
        return new FetchedPage("s", pageNo, cursor, firstIndex, new SourcePage(items, next, 4, 7 + pageNo));
    }

    private long count(String table) {
        return Sql.query(dataSource, "select count(*) from " + table + " where run_id = ?", rs -> rs.getLong(1), RUN).get(0);
    }

    private String snapshot() {
        return String.join("\n", Sql.query(dataSource, """
                select p.page_no || ' ' || coalesce(p.cursor, '-') || ' ' || p.first_index || ' ' || p.item_count
                       || ' ' || coalesce(string_agg(r.idx || '=' || r.record_key || '=' || r.body, ',' order by r.idx), '')
                from retrieved_page p left join raw_record r on r.run_id = p.run_id and r.source = p.source
                  and r.idx >= p.first_index and r.idx < p.first_index + p.item_count
                where p.run_id = ? group by p.page_no, p.cursor, p.first_index, p.item_count order by p.page_no""",
                rs -> rs.getString(1), RUN));
    }
}
