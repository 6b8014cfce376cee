-- The planned target model is kept with the plan, so that stage writes exactly what was reviewed.
alter table plan_report add column model text;
alter table plan_report add column entity_kind text not null default 'entities';

-- Target entities staged by a run. INERT: nothing reads them until a generation points at the run.
-- body is the entity as the migration plans it (without its members); ordinal keeps the model's order.
create table target_entity (
    run_id    bigint  not null,
    entity_id text    collate "C" not null,
    ordinal   integer not null,
    body      text    not null,
    primary key (run_id, entity_id)
);

-- Lineage of the staged model: which legacy record became which entity.
create table target_lineage (
    run_id     bigint not null,
    source     text collate "C" not null,
    record_key text collate "C" not null,
    entity_id  text collate "C" not null,
    primary key (run_id, source, record_key, entity_id)
);
create index target_lineage_by_entity on target_lineage (run_id, entity_id);

-- A run whose staged model passed validation; activation only switches to a validated run.
create table validated_model (
    run_id       bigint primary key,
    migration    text   not null,
    digest       text   not null,
    execution_id bigint not null,
    validated_at timestamptz not null default now()
);

-- Activated generations, numbered 1, 2, 3... in activation order, never reused. 0 is legacy.
create table model_generation (
    migration    text    not null,
    generation   integer not null check (generation > 0),
    run_id       bigint  not null,
    digest       text    not null,
    entity_kind  text    not null,
    execution_id bigint  not null,
    activated_at timestamptz not null default now(),
    primary key (migration, generation)
);

-- The executing model of each migration: one row, switched in one short transaction.
-- history holds the generations that executed before, most recent last (what rollback returns to).
create table executing_model (
    migration   text primary key,
    generation  integer   not null default 0,
    history     integer[] not null default '{}',
    switched_at timestamptz not null default now()
);

-- Why an apply was refused (a safety gate), in words an operator can act on.
create table execution_refusal (
    execution_id bigint not null,
    code         text   not null,
    message      text   not null,
    recorded_at  timestamptz not null default now()
);
create index execution_refusal_by_execution on execution_refusal (execution_id);

-- The live behavior: what the dispatcher sent, and from which model and generation.
create table dispatch_log (
    id         bigserial primary key,
    tick       bigint      not null,
    slot       timestamptz not null,
    tenant     text        not null,
    channel    text        not null,
    priority   integer     not null,
    recipient  text        not null,
    model      text        not null check (model in ('legacy', 'generation')),
    generation integer     not null,
    logged_at  timestamptz not null default now()
);
create index dispatch_log_by_tuple on dispatch_log (tenant, channel, priority, recipient, slot);
create index dispatch_log_by_slot on dispatch_log (slot);
