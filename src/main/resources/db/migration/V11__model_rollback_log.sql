-- Every rollback, as it happened: with model_generation (one row per activation) the history of a
-- migration's executing model that `cutover status` shows. executing_model.history holds only the
-- generations a rollback can return to, not when each switch happened.
create table model_rollback (
    migration       text    not null,
    from_generation integer not null,
    to_generation   integer not null,
    rolled_back_at  timestamptz not null default now()
);
create index model_rollback_by_migration on model_rollback (migration, rolled_back_at);
