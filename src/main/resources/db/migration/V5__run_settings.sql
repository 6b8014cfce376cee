-- The settings of a run as JSON: sources, concurrency, accepted codes, reviewed digest, report file.
-- JBeret keeps job parameters in a varchar(3000), too small for many sources or long URLs: they carry
-- only the mode, this row's id and the lease token. A row is never updated, so a restart of the run
-- (which keeps the original job parameters) reads the same settings.
create table run_settings (
    id         bigserial primary key,
    settings   text not null,
    created_at timestamptz not null default now()
);
