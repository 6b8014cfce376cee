package dev.cutover.framework.retrieve;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * transaction (the chunk's) and ignore a page already there with its items, so a chunk replayed after a
 * crash between commit and checkpoint changes nothing.
 */
@ApplicationScoped
public class RetrievalStore {

    /**
     * A source's counts over its stored items (parameters: run, source): its distinct fetched ids (its usable
     * ids and, apart, the ids that U+0000 keeps from being usable, which its total counts too), then its
     * records (its distinct record keys: a usable id's key is its id's alone ({@link RecordKey}), and an item
     * without a usable id is a record of its own). One aggregate: the distinct usable ids are counted once.
     */
    private static final String SOURCE_COUNTS = """
            select count(distinct rec_id) + count(distinct nul_id), count(distinct rec_id) + count(*) filter (where rec_id is null)
            from raw_record where run_id = ? and source = ?""";

    @Inject
    DataSource dataSource;

    /** Stores a page and its items. */
    public void store(long runId, FetchedPage fetched) {
        store(runId, List.of(fetched));
    }

    /**
     * Stores pages and their items. A page whose row this run already holds (a chunk replayed after a
     * crash between its commit and its checkpoint, a page fetched again by a restart) keeps the items stored
     * with it: its items are written only with a page row this call inserts, in the same transaction, so
     * {@code raw_record} needs no key of its own to store nothing twice (V24: its primary key cost the
     * server a second B-tree insert per item). A writer that stores the same page at the same time waits on
     * the page's key until the other commits or rolls back. The items go in one JDBC batch, which
     * {@code reWriteBatchedInserts} sends as multi-row inserts.
     */
    public void store(long runId, List<FetchedPage> pages) {
        try (Connection c = dataSource.getConnection()) {
            List<FetchedPage> inserted = new ArrayList<>(pages.size());
            try (PreparedStatement page = c.prepareStatement("""
                    insert into retrieved_page (run_id, source, page_no, cursor, next_cursor, first_index, item_count, total, watermark)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                // one statement per page, not a batch: a rewritten batch does not say which rows it inserted
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
                    if (page.executeUpdate() == 1) {
                        inserted.add(fetched);
                    }
                }
            }
            try (PreparedStatement item = c.prepareStatement("""
                    insert into raw_record (run_id, source, idx, record_key, rec_id, body, version, nul_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                boolean any = false;
                for (FetchedPage fetched : inserted) {
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

    /**
     * @return the watermark of the source's first page stored in this run: its baseline, which no later
     *         page may be below and which the drift check asks for changes since; empty when not stored
     */
    public java.util.OptionalLong baseline(long runId, String source) {
        return Sql.query(dataSource, "select watermark from retrieved_page where run_id = ? and source = ? and page_no = 0",
                rs -> rs.getLong(1), runId, source).stream().mapToLong(Long::longValue).findFirst();
    }

    /** @return the request cursors of the pages of this source stored so far in this run */
    public Set<String> requestedCursors(long runId, String source) {
        return new HashSet<>(Sql.query(dataSource,
                "select cursor from retrieved_page where run_id = ? and source = ? and cursor is not null",
                rs -> rs.getString(1), runId, source));
    }

    /**
     * Counts the distinct ids of this source fetched in this run (the unit of its total: a usable id, or
     * one that U+0000 keeps from being usable) and its records ({@link #records}) over its stored items, in
     * the caller's (chunk) transaction, and stores both counts with its page {@code pageNo}: the writer
     * calls it for the source's last page, after storing it. One aggregate over the source's items, once
     * per source (0.17 s for 125,000 items here); the index of {@code raw_record} leads with (run,
     * source), so the plan reads the source's items only. Counting each page's new ids as it came (a row
     * per id in a table of its own, inserted {@code on conflict do nothing}) cost the server 11 of the
     * 23 s it took to store 1M items. Repeating it (a replayed chunk, a restart) stores the same counts.
     *
     * @return the source's distinct fetched ids
     */
    public long countFetchedIds(long runId, String source, int pageNo) {
        return Sql.query(dataSource, "update retrieved_page set (distinct_ids, records) = (" + SOURCE_COUNTS + ")"
                + " where run_id = ? and source = ? and page_no = ? returning distinct_ids",
                rs -> rs.getLong(1), runId, source, runId, source, pageNo).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("page " + pageNo + " of " + source + " is not stored"));
    }

    /**
     * Per source: final total (of its last page), baseline watermark (of its first page), distinct ids
     * fetched (those holding U+0000 included: not usable, but the source counts them in its total): the
     * count stored with its last page ({@link #countFetchedIds}), one row per source; counted over the
     * source's stored items only for a last page stored before that count existed (a JFR recording of a 1M plan
     * had the count over every item at 2.2 s of the plan step's thread). Sorted by source name.
     */
    public List<SourceSummary> summaries(long runId) {
        return lastPages(runId).stream().map(page -> new SourceSummary(page.source(), page.total(),
                storedOrCounted(runId, page.source(), page.distinctIds()), page.watermark())).toList();
    }

    /** Per source, sorted by name: its last stored page's total and counts, and its first page's watermark. */
    private List<LastPage> lastPages(long runId) {
        return Sql.query(dataSource, """
                select f.source, l.total, l.distinct_ids, l.records, f.watermark
                from retrieved_page f
                cross join lateral (select p.total, p.distinct_ids, p.records from retrieved_page p
                                    where p.run_id = f.run_id and p.source = f.source
                                    order by p.page_no desc limit 1) l
                where f.run_id = ? and f.page_no = 0 order by f.source
                """, rs -> new LastPage(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
                rs.getLong(5)), runId);
    }

    /**
     * A source's total and counts as of its last stored page (each count {@code null} when that page was
     * stored before the count existed), and its first page's watermark.
     */
    private record LastPage(String source, long total, Long distinctIds, Long records, long watermark) {
    }

    /**
     * @param stored the distinct ids stored with the source's last page, {@code null} when that page has none
     *        (stored before that count existed)
     * @return {@code stored}, or else the distinct ids of the source's stored items, counted in a query of its
     *         own (as a fallback inside the query that reads {@code stored}, its estimated cost alone made
     *         PostgreSQL compile that query, 0.2 to 0.4 s, though it never ran)
     */
    public long storedOrCounted(long runId, String source, Long stored) {
        if (stored != null) {
            return stored;
        }
        return Sql.query(dataSource, SOURCE_COUNTS, rs -> rs.getLong(1), runId, source).get(0);
    }

    /**
     * @return the run's legacy records (what the normalize step decides: one per distinct (source, usable
     *         id), one per item without a usable id): per source, the count stored with its last page
     *         ({@link #countFetchedIds}), or else counted over the source's stored items (a last page stored
     *         before that count existed), as {@link #storedOrCounted} does for its distinct ids. Counting
     *         the records over every item of the run took 2 s at 1M records.
     */
    public long records(long runId) {
        long records = 0;
        for (LastPage page : lastPages(runId)) {
            records += page.records() != null ? page.records()
                    : Sql.query(dataSource, SOURCE_COUNTS, rs -> rs.getLong(2), runId, page.source()).get(0);
        }
        return records;
    }

    /** What the plan reports of one source. */
    public record SourceSummary(String name, long total, long fetched, long watermark) {
    }
}
