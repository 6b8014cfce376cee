package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.quarkus.test.junit.QuarkusTest;

/**
 * A source's distinct fetched ids (the unit of its total) are counted once, over its stored items, when the
 * retrieve writer stores its last page, and stored with that page; nothing is kept in memory (a set of every
 * id seen held about 150 MB of a 256 MB heap at 1M records) and nothing is recorded per page. The count is
 * exact for copies of an id on any page and in one chunk, long ids, ids holding U+0000 (long ones too),
 * items without an id, pages stored by earlier executions and a replayed chunk. The source's records (what
 * the normalize step decides) are counted in the same aggregate and stored with it: the normalize step
 * reads the run's records from there instead of counting every item of the run again.
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
        for (String table : List.of("retrieved_page", "raw_record")) {
            Sql.update(dataSource, "delete from " + table + " where run_id = ?", RUN);
        }
    }

    @Test
    void aSourceOfManyPagesIsCountedExactlyOnceItsLastPageIsStored() {
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (int pageNo = 0; pageNo < 120; pageNo++) {
            List<SourceItem> items = items(pageNo);
            items.stream().filter(item -> item.listedId() != null).forEach(item -> seen.add(item.listedId()));
            store.store(RUN, page(pageNo, index, items, pageNo == 119));
            index += items.size();
        }
        assertThat(seen).hasSizeGreaterThan(2_000);
        assertThat(counted()).as("no page is counted before the last").isZero();

        assertThat(store.countFetchedIds(RUN, "s", 119)).isEqualTo(seen.size());
        assertThat(counted()).isEqualTo(1);
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched)
                .isEqualTo((long) seen.size());
    }

    @Test
    void thePlansFetchedCountIsTheOneStoredWithTheSourcesLastPageOrCountedFromItsItemsWhenNoneIsStored() {
        // the stored count is read, not recounted over every item: a count unlike the items shows which
        store.store(RUN, page(0, 0, List.of(item("a"), item("b")), false));
        store.store(RUN, page(1, 2, List.of(item("b"), item("c")), true));
        Sql.update(dataSource, "update retrieved_page set distinct_ids = 7 where run_id = ? and page_no = 1", RUN);
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched).isEqualTo(7L);

        // a last page stored before the count existed: the source's distinct ids counted from its items
        cleanUp();
        store.store(RUN, page(0, 0, List.of(item("a"), item("b"), nul("n\u0000")), false));
        store.store(RUN, page(1, 3, List.of(item("b"), item("c"), nul("n\u0000")), true));
        assertThat(store.summaries(RUN)).singleElement().extracting(RetrievalStore.SourceSummary::fetched).isEqualTo(4L);
    }

    @Test
    void pagesOfOneChunkAndOfEarlierExecutionsCountAnIdOnceAndAReplayedChunkCountsTheSame() {
        // an earlier execution stored the first page; this one stores the rest as one chunk
        store.store(RUN, page(0, 0, List.of(item("a"), nul("n\u0000"), withoutId()), false));
        List<SourceItem> second = List.of(item("a"), item("b"), item(LONG_ID), nul("n\u0000"), nul("\u0000" + LONG_ID));
        List<SourceItem> third = List.of(item("b"), item("c"), item(LONG_ID), nul("n\u0000"), nul("m\u0000"),
                nul("\u0000" + LONG_ID), withoutId());
        List<FetchedPage> chunk = List.of(page(1, 3, second, false), page(2, 8, third, true));
        store.store(RUN, chunk);
        assertThat(store.countFetchedIds(RUN, "s", 2)).isEqualTo(7);

        long items = Sql.query(dataSource, "select count(*) from raw_record where run_id = ?", rs -> rs.getLong(1), RUN).get(0);
        store.store(RUN, chunk);
        assertThat(store.countFetchedIds(RUN, "s", 2)).isEqualTo(7);
        assertThat(Sql.query(dataSource, "select count(*) from raw_record where run_id = ?", rs -> rs.getLong(1), RUN).get(0))
                .as("a replayed chunk stores nothing twice").isEqualTo(items);
    }

    @Test
    void eachSourcesRecordsAreCountedWithItsLastPageAsTheNormalizeStepDecidesThem() {
        // s: copies of an id on two pages, a long id (hashed key) twice, ids that U+0000 keeps from being
        // usable (a record per item), an item without an id; t: one page
        store.store(RUN, page("s", 0, 0, List.of(item("a"), item(LONG_ID), nul("n\u0000"), withoutId()), false));
        store.store(RUN, page("s", 1, 4, List.of(item("a"), item("b"), item(LONG_ID), nul("n\u0000")), true));
        store.store(RUN, page("t", 0, 0, List.of(item("a"), item("a"), withoutId()), true));
        store.countFetchedIds(RUN, "s", 1);
        store.countFetchedIds(RUN, "t", 0);
        assertThat(Sql.query(dataSource, "select count(records) from retrieved_page where run_id = ?", rs -> rs.getLong(1), RUN))
                .as("each source's last page carries its count").containsExactly(2L);

        // s: a, b, the long id, 2 items holding U+0000, 1 without id; t: a, 1 without id
        assertThat(store.records(RUN)).isEqualTo(8).isEqualTo(distinctRecordKeys());
    }

    @Test
    void theRunsRecordsAreTheCountsStoredWithTheLastPagesOrCountedFromTheItemsOfASourceWhoseLastPageHasNone() {
        assertThat(store.records(RUN)).as("no page").isZero();
        store.store(RUN, page("s", 0, 0, List.of(item("a")), false));
        store.store(RUN, page("s", 1, 1, List.of(item("b")), true));
        store.store(RUN, page("t", 0, 0, List.of(item("a"), withoutId()), true));
        // the stored counts are read, not recounted over every item: counts unlike the items show which
        Sql.update(dataSource, "update retrieved_page set records = 40 where run_id = ? and source = 's' and page_no = 1", RUN);
        Sql.update(dataSource, "update retrieved_page set records = 3 where run_id = ? and source = 't'", RUN);
        assertThat(store.records(RUN)).isEqualTo(43);

        // a last page stored before the count existed: that source's records counted from its items (t: a, 1 without id)
        Sql.update(dataSource, "update retrieved_page set records = null where run_id = ? and source = 't'", RUN);
        assertThat(store.records(RUN)).isEqualTo(42);
    }

    @Test
    void countingAPageThatIsNotStoredNamesTheSourceAndThePage() {
        assertThatThrownBy(() -> store.countFetchedIds(RUN, "s", 3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("page 3 of s is not stored");
    }

    /** @return what the normalize step decides: the run's distinct (source, record key) */
    private long distinctRecordKeys() {
        return Sql.query(dataSource, "select count(*) from (select distinct source, record_key from raw_record where run_id = ?) r",
                rs -> rs.getLong(1), RUN).get(0);
    }

    /** @return the pages of the run that carry a count */
    private long counted() {
        return Sql.query(dataSource, "select count(distinct_ids) from retrieved_page where run_id = ?", rs -> rs.getLong(1), RUN)
                .get(0);
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

    private static FetchedPage page(int pageNo, int firstIndex, List<SourceItem> items, boolean last) {
        return page("s", pageNo, firstIndex, items, last);
    }

    private static FetchedPage page(String source, int pageNo, int firstIndex, List<SourceItem> items, boolean last) {
        return new FetchedPage(source, pageNo, pageNo == 0 ? null : "c" + pageNo, firstIndex,
                new SourcePage(items, last ? null : "c" + (pageNo + 1), 0, 1));
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
