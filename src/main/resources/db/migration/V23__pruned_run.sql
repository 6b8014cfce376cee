-- Runs whose working rows retention deleted (cutover prune): what stays of them is their history
-- (job repository, plan_report's summary, model_generation), and this row, which says when and how
-- many rows went, so that a review of such a run answers "pruned" instead of listing nothing.
create table pruned_run (
    run_id       bigint primary key,
    migration    text   not null,
    execution_id bigint not null,
    rows_deleted bigint not null,
    pruned_at    timestamptz not null default now()
);
create index pruned_run_by_migration on pruned_run (migration);
