-- The normalize step reads a run's raw items by keyset, (source, record_key, idx) after the last item
-- read, a batch at a time: with idx in the index each batch is one ordered range scan that stops at
-- its limit (no sort of a record's copies), so a whole pass stays linear in the run's size.
-- It serves every lookup by (run_id, source, record_key) that the index it replaces served.
create index raw_record_by_key_idx on raw_record (run_id, source, record_key, idx);
drop index raw_record_by_key;
