-- The elements of a model by the key a live executor reads them by (BehaviorModel.leafKey and entityKey),
-- so that a unit of work reads the share of the model it is about instead of the whole model: the admission
-- checker one service's settings, the dispatcher the rules of the schedules due in its slot. At 1M records
-- the whole models held 105 to 504 MB live in serve's memory, and the rate-limit ones did not fit its heap.
--
-- Built by the framework (ModelKeyIndex) the first time a live executor reads a model by key, in one
-- transaction: the row of model_key_index first (the claim), then the elements, then the model's distinct
-- keys. A reader that sees the row sees every element and key; an index is never changed after, only
-- dropped whole.
--
-- Unlogged: derived from record_outcome and target_entity, which are logged, and made again by the next
-- read when missing. PostgreSQL empties all four together when it recovers from a crash, so a row of
-- model_key_index never outlives its elements.
create unlogged table model_key_index (
    run_id    bigint  not null,
    legacy    boolean not null,
    migration text    not null,
    elements  bigint,
    built_at  timestamptz not null default now(),
    primary key (run_id, legacy)
);

-- The distinct keys of an indexed model, with how many index rows each has.
create unlogged table model_key (
    run_id   bigint  not null,
    legacy   boolean not null,
    key      text collate "C" not null,
    elements bigint  not null,
    primary key (run_id, legacy, key)
);

-- The migrated records of a run (the legacy model while legacy executes) by key: one row per record and
-- distinct key of its leaves.
create unlogged table legacy_key (
    run_id     bigint not null,
    key        text collate "C" not null,
    source     text collate "C" not null,
    record_key text collate "C" not null
);
create index legacy_key_by_key on legacy_key (run_id, key);

-- The entities of a run's model (a generation) by key.
create unlogged table entity_key (
    run_id    bigint not null,
    key       text collate "C" not null,
    entity_id text collate "C" not null
);
create index entity_key_by_key on entity_key (run_id, key);
