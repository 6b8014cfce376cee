package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.source.SourcePage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A source's distinct fetched ids (the unit of its total) are counted by recording each page's ids with
 * the run, as the retrieve writer does, not by keeping every id seen in memory (a set of them held about
 * 150 MB of a 256 MB heap at 1M records); the count is exact for copies of an id on any page and in one
 * chunk, long ids, ids holding U+0000 (long ones too), items without an id and a restart, also of a run
 * whose pages were stored before the ids were recorded.
 */
@QuarkusTest
class FetchedIdCountTest {

    private static final long RUN = 9_100_000_115L;
    private static final String LONG_ID = "L".repeat(300);

    @Inject
    RetrievalStore store;

    @Inject
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        for (String table : List.of("retrieved_page", "raw_record", "fetched_id")) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
    }

    @Test
    void aSourceOfManyPagesIsCountedExactlyOneDistinctIdAtATime() {
        FetchedIdCount ids = count(0);
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (int pageNo = 0; pageNo < 120; pageNo++) {
            List<SourceItem> items = items(pageNo);
            long counted = ids.add(items);
            items.stream().filter(item -> item.listedId() != null).forEach(item -> seen.add(item.listedId()));
            assertThat(counted).as("page %d", pageNo).isEqualTo(seen.size());
            store.store(RUN, page(pageNo, index, items).counted(counted));
            index += items.size();
        }
        assertThat(seen).hasSizeGreaterThan(2_000);
        assertThat(store.fetchedIdCount(RUN, "s")).isEqualTo(seen.size());
        assertThat(recorded()).isEqualTo(seen.size());
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched)
                .isEqualTo((long) seen.size());
    }

    @Test
    void thePlansFetchedCountIsTheOneStoredWithTheSourcesLastPageOrCountedFromItsItemsWhenNoneIsStored() {
        // the stored count is read, not recounted over every item: a count unlike the items shows which
        store.store(RUN, page(0, 0, List.of(item("a"), item("b"))).counted(2));
        store.store(RUN, page(1, 2, List.of(item("b"), item("c"))).counted(7));
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched).isEqualTo(7L);

        // pages stored before the count existed: the source's distinct ids counted from its items
        cleanUp();
        store.store(RUN, page(0, 0, List.of(item("a"), item("b"), nul("n\u0000"))));
        store.store(RUN, page(1, 3, List.of(item("b"), item("c"), nul("n\u0000"))));
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched).isEqualTo(4L);
    }

    @Test
    void pagesOfOneChunkCountAnIdOnceAndAReplayedChunkCountsNothingAgain() {
        List<SourceItem> first = List.of(item("a"), item("b"), item(LONG_ID), nul("n\u0000"), nul("\u0000" + LONG_ID));
        List<SourceItem> second = List.of(item("b"), item("c"), item(LONG_ID), nul("n\u0000"), nul("m\u0000"),
                nul("\u0000" + LONG_ID));
        long[] counts = QuarkusTransaction.requiringNew().call(() -> {
            FetchedIdCount ids = count(0);
            return new long[] {ids.add(first), ids.add(second)};
        });
        assertThat(counts).containsExactly(5, 7);

        FetchedIdCount replayed = count(0);
        assertThat(replayed.add(first)).isZero();
        assertThat(replayed.add(List.of(item("a"), item("d"), withoutId(), withoutId(), nul("m\u0000")))).isEqualTo(1);
    }

    @Test
    void aRestartGoesOnFromTheCountOfTheLastStoredPageAndTheIdsRecordedWithThePages() {
        List<SourceItem> first = List.of(item("a"), item("b"), nul("n\u0000"), withoutId());
        FetchedIdCount ids = count(0);
        store.store(RUN, page(0, 0, first).counted(ids.add(first)));

        FetchedIdCount restarted = count(store.fetchedIdCount(RUN, "s"));
        assertThat(restarted.count()).isEqualTo(3);
        assertThat(restarted.add(List.of(item("b"), item("c"), nul("n\u0000")))).isEqualTo(4);
    }

    @Test
    void aRestartOfARunStoredBeforeItsIdsWereRecordedRecordsThemFromTheStoredItemsOnce() {
        List<SourceItem> first = List.of(item("a"), item(LONG_ID), nul("n\u0000"), nul("\u0000" + LONG_ID), withoutId());
        store.store(RUN, page(0, 0, first));
        Sql.update(dataSource, "update retrieved_page set distinct_ids = null where run_id = ?", RUN);

        assertThat(store.fetchedIdCount(RUN, "s")).isEqualTo(4);
        store.recordFetchedIdsOfStoredItems(RUN, "s");
        store.recordFetchedIdsOfStoredItems(RUN, "s");
        assertThat(recorded()).isEqualTo(4);
        FetchedIdCount restarted = count(store.fetchedIdCount(RUN, "s"));
        assertThat(restarted.add(List.of(item(LONG_ID), nul("\u0000" + LONG_ID), nul("n\u0000"), item("a"), item("b"))))
                .as("the keys made in SQL from the stored items are the keys of the same ids fetched again").isEqualTo(5);
    }

    private FetchedIdCount count(long atOpen) {
        return new FetchedIdCount(atOpen, keys -> store.recordFetchedIds(RUN, "s", keys));
    }

    private long recorded() {
        return Sql.query(dataSource, "select count(*) from fetched_id where run_id = ?", rs -> rs.getLong(1), RUN).get(0);
    }

    /** 60 items: ids repeat within the page, on the next page and 40 pages later; a few hostile ones. */
    private static List<SourceItem> items(int pageNo) {
        List<SourceItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(item("r-" + (pageNo * 25 + i)));
        }
        items.add(item("r-" + (pageNo % 40)));
        items.add(item("r-" + pageNo * 25));
        items.add(item(LONG_ID + pageNo % 3));
        items.add(nul("x\u0000" + pageNo % 7));
        items.add(withoutId());
        while (items.size() < 60) {
            items.add(item("r-" + (pageNo * 25 + items.size())));
        }
        return items;
    }

    private static FetchedPage page(int pageNo, int firstIndex, List<SourceItem> items) {
        return new FetchedPage("s", pageNo, pageNo == 0 ? null : "c" + pageNo, firstIndex,
                new SourcePage(items, "c" + (pageNo + 1), 0, 1));
    }

    private static SourceItem item(String id) {
        return new SourceItem("{\"id\":\"" + id + "\",\"version\":1}", id, BigInteger.ONE);
    }

    /** An id that U+0000 keeps from being usable: no record of its own id, but its source counts it. */
    private static SourceItem nul(String id) {
        return new SourceItem("{\"id\":\"" + id.replace("\u0000", "\\u0000") + "\"}", id, null);
    }

    private static SourceItem withoutId() {
        return new SourceItem("{\"name\":\"no id\"}", null, null);
    }
}
