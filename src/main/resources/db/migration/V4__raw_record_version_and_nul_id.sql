-- Read from each item when its page is parsed (streaming), so that nothing parses a stored body in SQL:
-- jsonb cannot hold U+0000, and a body nested thousands of levels deep is more than PostgreSQL's JSON
-- parser takes. Rows stored before this migration have neither: plan such a run again rather than
-- restarting its apply.

-- The item's top-level version when it is a JSON integer of at most 1000 digits, else null (the drift check).
alter table raw_record add column version numeric;

-- The item's id, JSON-escaped, when it is a JSON string holding U+0000. Such an item has no usable id
-- (rec_id is null: it is a record of its own, reported by index), but its source counts that id in its
-- total, so the source's fetched ids count it too.
alter table raw_record add column nul_id text;
