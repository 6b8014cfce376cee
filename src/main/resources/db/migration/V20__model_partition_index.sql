-- Which elements of a model belong to each partition of its decisions (BehaviorModel.leafPartition and
-- entityPartition), so that a live executor answering about one partition (the admission checker: one
-- service) reads and builds that partition's share of the model through an index instead of the whole
-- model: at 1M rate limits the whole model held 256 to 504 MB live, and did not fit serve's heap.
--
-- Built by the framework (PartitionIndex) the first time a live executor reads a partition of a model,
-- in one transaction: the row of model_partition_index, then its elements. A reader that sees the row
-- sees every element (the index is never changed after, only dropped whole).
--
-- Unlogged: derived from record_outcome and target_entity, which are logged, and made again on the next
-- read when missing. PostgreSQL empties all three together when it recovers from a crash, so a row of
-- model_partition_index never outlives its elements.
create unlogged table model_partition_index (
    run_id     bigint  not null,
    legacy     boolean not null,
    migration  text    not null,
    elements   bigint,
    built_at   timestamptz not null default now(),
    primary key (run_id, legacy)
);

-- The migrated records of a run (the legacy model while legacy executes) by partition: one row per
-- record and partition of its leaves.
create unlogged table legacy_partition (
    run_id     bigint not null,
    partition  text collate "C" not null,
    source     text collate "C" not null,
    record_key text collate "C" not null
);
create index legacy_partition_by_partition on legacy_partition (run_id, partition);

-- The entities of a run's model (a generation) by partition.
create unlogged table entity_partition (
    run_id    bigint not null,
    partition text collate "C" not null,
    entity_id text collate "C" not null
);
create index entity_partition_by_partition on entity_partition (run_id, partition);
