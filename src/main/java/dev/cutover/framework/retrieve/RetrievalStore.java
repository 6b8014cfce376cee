package dev.cutover.framework.retrieve;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The retrieve step's stored output: pages and raw items per run, each item as its exact listed text
 * with its usable id, record key ({@link RecordKey}) and version. Writes join the caller's
 * transaction (the chunk's) and ignore rows already there, so a chunk replayed after a crash
 * between commit and checkpoint changes nothing.
 */
@ApplicationScoped
public class RetrievalStore {

    @Inject
    DataSource dataSource;

    /** Stores a page and its items. */
    public void store(long runId, FetchedPage fetched) {
        store(runId, List.of(fetched));
    }

    /**
     * Stores pages and their items, each table in one JDBC batch (which {@code reWriteBatchedInserts}
     * sends as multi-row inserts).
     */
    public void store(long runId, List<FetchedPage> pages) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement page = c.prepareStatement("""
                    insert into retrieved_page (run_id, source, page_no, cursor, next_cursor, first_index, item_count, total, watermark,
                      distinct_ids)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (FetchedPage fetched : pages) {
                    page.setLong(1, runId);
                    page.setString(2, fetched.source());
                    page.setInt(3, fetched.pageNo());
                    page.setString(4, fetched.cursor());
                    page.setString(5, fetched.page().nextCursor());
                    page.setInt(6, fetched.firstIndex());
                    page.setInt(7, fetched.page().items().size());
                    page.setLong(8, fetched.page().total());
                    page.setLong(9, fetched.page().watermark());
                    page.setObject(10, fetched.distinctIds() < 0 ? null : fetched.distinctIds(), java.sql.Types.BIGINT);
                    page.addBatch();
                }
                page.executeBatch();
            }
            try (PreparedStatement item = c.prepareStatement("""
                    insert into raw_record (run_id, source, idx, record_key, rec_id, body, version, nul_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                boolean any = false;
                for (FetchedPage fetched : pages) {
                    int index = fetched.firstIndex();
                    for (SourceItem listed : fetched.page().items()) {
                        String id = listed.id();
                        item.setLong(1, runId);
                        item.setString(2, fetched.source());
                        item.setInt(3, index);
                        item.setString(4, RecordKey.of(id, index));
                        item.setString(5, id);
                        // the listed text, never a re-serialized tree: exact, and without a serializer's depth limit
                        item.setString(6, listed.json());
                        item.setBigDecimal(7, listed.version() == null ? null : new BigDecimal(listed.version()));
                        item.setString(8, id == null && listed.listedId() != null ? LegacyJson.escaped(listed.listedId()) : null);
                        item.addBatch();
                        any = true;
                        index++;
                    }
                }
                if (any) {
                    item.executeBatch();
                }
            }
        } catch (SQLException e) {
            FetchedPage first = pages.get(0);
            throw new IllegalStateException("could not store page " + first.pageNo()
                    + (pages.size() > 1 ? " to " + pages.get(pages.size() - 1).pageNo() : "") + " of " + first.source(), e);
        }
    }

    /**
     * @return where this source's retrieval stands after the pages of it stored so far in this run (the
     *         position after its last stored page), or empty when none is stored. Pages are stored in the
     *         chunk transaction that also commits the partition's checkpoint, so this is the checkpoint a
     *         partition of the run committed last, whether or not JBeret still knows that partition.
     */
    public java.util.Optional<RetrievalCheckpoint> storedPosition(long runId, String source) {
        return Sql.query(dataSource, """
                select next_cursor, page_no, first_index, item_count from retrieved_page
                where run_id = ? and source = ? order by page_no desc limit 1""",
                rs -> new RetrievalCheckpoint(rs.getString(1), rs.getInt(2) + 1, rs.getInt(3) + rs.getInt(4),
                        rs.getString(1) == null), runId, source).stream().findFirst();
    }

    /** @return the request cursors of the pages of this source stored so far in this run */
    public Set<String> requestedCursors(long runId, String source) {
        return new HashSet<>(Sql.query(dataSource,
                "select cursor from retrieved_page where run_id = ? and source = ? and cursor is not null",
                rs -> rs.getString(1), runId, source));
    }

    /**
     * @return the distinct ids of this source fetched so far in this run: the count stored with its last
     *         stored page, or (pages stored before that count existed) counted from its stored items
     */
    public long fetchedIdCount(long runId, String source) {
        List<Long> lastPage = Sql.query(dataSource, """
                select distinct_ids from retrieved_page where run_id = ? and source = ? order by page_no desc limit 1""",
                rs -> (Long) rs.getObject(1), runId, source);
        return storedOrCounted(runId, source, lastPage.isEmpty() ? null : lastPage.get(0));
    }

    /**
     * Records a page's ids with the run's fetched ids of the source, in the caller's (chunk) transaction.
     *
     * @param keys {@link FetchedIdCount#key}s of a page's items
     * @return how many of them were not recorded before: the page's new ids. The primary key decides,
     *         so the cost is the page's, whatever the run stored and however stale the statistics (a lookup
     *         among the stored items chose a scan of the source's items for each id, once a plan was made
     *         while the table was small or from another run's statistics)
     */
    int recordFetchedIds(long runId, String source, Set<String> keys) {
        return Sql.update(dataSource, """
                insert into fetched_id (run_id, source, id_key) select ?, ?, unnest(?::text[])
                on conflict do nothing""", runId, source, keys.toArray(String[]::new));
    }

    /**
     * Records the ids of this source's items stored before its ids were recorded with them (a run that
     * retrieved before V15), so that a restart counts none of them again; nothing when the ids of a
     * stored page are recorded. Linear in the source's items, once, on restart.
     */
    public void recordFetchedIdsOfStoredItems(long runId, String source) {
        Sql.update(dataSource, """
                insert into fetched_id (run_id, source, id_key)
                select distinct r.run_id, r.source, case
                         when r.rec_id is not null then r.record_key
                         when char_length(r.nul_id) <= ? then 'n:' || r.nul_id
                         else 'm:' || encode(sha256(convert_to(r.nul_id, 'UTF8')), 'hex') end
                from raw_record r
                where r.run_id = ? and r.source = ? and (r.rec_id is not null or r.nul_id is not null)
                  and not exists (select 1 from fetched_id f where f.run_id = ? and f.source = ?)
                on conflict do nothing""", RecordKey.LONGEST_SPELLED_ID, runId, source, runId, source);
    }

    /**
     * Per source: final total (of its last page), baseline watermark (of its first page), distinct ids
     * fetched (those holding U+0000 included: not usable, but the source counts them in its total): the
     * count stored with its last page ({@link RawPageWriter}), one row per source; counted over the
     * source's stored items only for pages stored before that count existed (a JFR recording of a 1M plan
     * had the count over every item at 2.2 s of the plan step's thread). Sorted by source name.
     */
    public List<SourceSummary> summaries(long runId) {
        return Sql.query(dataSource, """
                select f.source, l.total, l.distinct_ids, f.watermark
                from retrieved_page f
                cross join lateral (select p.total, p.distinct_ids from retrieved_page p
                                    where p.run_id = f.run_id and p.source = f.source
                                    order by p.page_no desc limit 1) l
                where f.run_id = ? and f.page_no = 0 order by f.source
                """, rs -> new LastPage(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), rs.getLong(4)), runId)
                .stream().map(page -> new SourceSummary(page.source(), page.total(),
                        storedOrCounted(runId, page.source(), page.distinctIds()), page.watermark()))
                .toList();
    }

    /** A source's total and distinct ids as of its last stored page, and its first page's watermark. */
    private record LastPage(String source, long total, Long distinctIds, long watermark) {
    }

    /**
     * @param stored the distinct ids stored with the source's last page, {@code null} when that page has none
     * @return {@code stored}, or else the distinct ids of the source's stored items, counted in a query of its
     *         own (as a fallback inside the query that reads {@code stored}, its estimated cost alone made
     *         PostgreSQL compile that query, 0.2 to 0.4 s, though it never ran)
     */
    private long storedOrCounted(long runId, String source, Long stored) {
        if (stored != null) {
            return stored;
        }
        return Sql.query(dataSource, """
                select count(distinct rec_id) + count(distinct nul_id) from raw_record where run_id = ? and source = ?""",
                rs -> rs.getLong(1), runId, source).get(0);
    }

    /** What the plan reports of one source. */
    public record SourceSummary(String name, long total, long fetched, long watermark) {
    }
}
