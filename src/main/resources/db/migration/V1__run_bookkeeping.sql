-- A run is one JBeret job instance: its executions (the first and every restart) share its rows.
-- Keys make every write idempotent, so a chunk repeated after a crash cannot double anything.

-- One row per page fetched from a source: the retrieve step's progress and the source's totals.
create table retrieved_page (
    run_id      bigint  not null,
    source      text collate "C" not null,
    page_no     integer not null,
    cursor      text,
    next_cursor text,
    first_index integer not null,
    item_count  integer not null,
    total       bigint  not null,
    watermark   bigint  not null,
    primary key (run_id, source, page_no)
);

-- Every item as the source listed it (the retrieve step's cached output).
-- record_key groups the copies of one record: 'i:' || id, or 'x:' || zero-padded index without a usable id.
create table raw_record (
    run_id     bigint  not null,
    source     text collate "C" not null,
    idx        integer not null,
    record_key text collate "C" not null,
    rec_id     text,
    body       text    not null,
    primary key (run_id, source, idx)
);
create index raw_record_by_key on raw_record (run_id, source, record_key);

-- Lineage: exactly one outcome per legacy record (the normalize step's output).
create table record_outcome (
    run_id     bigint not null,
    source     text collate "C" not null,
    record_key text collate "C" not null,
    rec_id     text,
    idx        integer,
    kind       text   not null check (kind in ('MIGRATED', 'SKIPPED', 'ANOMALY')),
    code       text,
    detail     text,
    target     text,
    primary key (run_id, source, record_key)
);

-- The plan report of a run (cutover.plan/v1), rebuilt identically if the plan step runs again.
create table plan_report (
    run_id       bigint primary key,
    execution_id bigint not null,
    migration    text   not null,
    digest       text   not null,
    report       text   not null,
    created_at   timestamptz not null default now()
);

-- Why an execution failed, in words an operator can act on (JBeret keeps no exception text).
create table execution_failure (
    execution_id bigint not null,
    step         text   not null,
    message      text   not null,
    recorded_at  timestamptz not null default now()
);
create index execution_failure_by_execution on execution_failure (execution_id);
