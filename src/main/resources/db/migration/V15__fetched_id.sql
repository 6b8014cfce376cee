-- The distinct ids of each source a run fetched, the unit of a source's total: the retrieve writer inserts
-- each page's ids (on conflict do nothing) in the chunk's transaction, and the rows it inserted are the
-- page's new ids. Counting so keeps no set of every id in memory (at 1M records such a set held about
-- 150 MB of a 256 MB heap) and depends on no query plan: the primary key decides, however stale the
-- statistics. id_key: the record key of a usable id (bounded, see RecordKey), or for an id that U+0000
-- keeps from being usable its JSON-escaped spelling (n:), hashed when long (m:).
create table fetched_id (
    run_id bigint not null,
    source text collate "C" not null,
    id_key text collate "C" not null,
    primary key (run_id, source, id_key)
);
