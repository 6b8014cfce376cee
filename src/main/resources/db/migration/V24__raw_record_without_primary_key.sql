-- A raw item is written only with the page row that its store inserts, in the same transaction
-- (RetrievalStore.store): a replayed chunk or a page fetched again finds its page's key taken and writes
-- none of its items. The primary key on (run_id, source, idx) thus guarded nothing that the page's key
-- does not, and cost the server a second B-tree insert for each item (a million per 1M-record run),
-- beside raw_record_by_key_idx, which serves every read of the table (keyset by record key, counts and
-- deletion by run and source, the drift check).
alter table raw_record drop constraint raw_record_pkey;
