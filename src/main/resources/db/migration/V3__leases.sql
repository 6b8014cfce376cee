-- The right of one execution of a migration to write. The token changes on every acquisition, so an
-- execution whose lease was taken over (it crashed, or stalled past its expiry) is fenced off:
-- every chunk commit and the activation check, in their own transaction, that the lease is still theirs.
create sequence lease_token;
create table migration_lease (
    migration    text primary key,
    token        bigint      not null,
    execution_id bigint,
    owner        text        not null,
    expires_at   timestamptz not null,
    acquired_at  timestamptz not null default now()
);

-- Which cron fire time of a migration's schedule was started, so that of several replicas only one
-- starts it.
create table schedule_fire (
    migration  text        not null,
    fire_time  timestamptz not null,
    started_by text        not null,
    primary key (migration, fire_time)
);
