-- What each normalize chunk wrote into record_leaf: its migrated records with leaves and their leaves, in
-- the same transaction as those rows. The plan step sums a run's rows here (one per chunk: about 1,000 at
-- 1M records) instead of counting the run's record_leaf rows (a read of their whole heap, 0.9 to 1.9 s at 1M
-- records, before the sort could start).
-- Unlogged like record_leaf, so PostgreSQL empties both when it recovers from a crash: the sum is always
-- what record_leaf holds for the run, a run normalized partly before and partly after a crash included
-- (fewer records than the run migrated: planned from the outcomes' targets, as before). A run normalized
-- before this table existed has no row here and is planned from its outcomes too.
create unlogged table record_leaf_count (
    run_id  bigint not null,
    records integer not null,
    leaves  integer not null
);
create index record_leaf_count_by_run on record_leaf_count (run_id);
