-- The leaves of each migrated record with the group key and model order its migration gives them,
-- written by the normalize step in the chunk's transaction, with the record's outcome (only for an
-- outcome the chunk inserted: a replayed chunk writes no leaf twice), and read sorted by the plan
-- step: the planning of a model starts from these rows instead of parsing every outcome's target
-- again. leaf is the leaf's JSON text, as the outcome's target array holds it.
-- Unlogged: no write-ahead log for rows that can be made again (at 1M records the logged table cost
-- the normalize step 24-26 s instead of 21-22 s). PostgreSQL empties it when it recovers from a crash,
-- and a replica does not have it; a run whose migrated records do not all have their leaf rows here
-- (that, or normalized before this table existed) is planned from the outcomes' targets, as before.
create unlogged table record_leaf (
    run_id     bigint  not null,
    source     text collate "C" not null,
    record_key text collate "C" not null,
    rec_id     text collate "C",
    idx        integer,
    leaf_no    integer not null,
    order_key  text collate "C" not null,
    group_key  text collate "C" not null,
    leaf       text    not null
);
-- the plan step reads one run's rows (and counts them) whatever the table holds of other runs
create index record_leaf_by_run on record_leaf (run_id);
