-- A source's distinct fetched ids are counted once, over its stored items, when its last page is stored
-- (RetrievalStore.countFetchedIds), no longer a page at a time by inserting each id here: this table's
-- random-order primary key cost the server 11 of the 23 s it took to store 1M items. A run stored before
-- still has its counts: each source's last page carries one, and a last page without one is counted from
-- the items (RetrievalStore.summaries).
drop table fetched_id;
