-- The planned target model as rows (one per entity, in model order) instead of one text value in
-- plan_report.model: a model of 100k+ entities is written by COPY and read by stage a chunk at a time,
-- never held or parsed whole. body is the entity as planned, with its id and lineage members.
create table planned_entity (
    run_id    bigint  not null,
    ordinal   integer not null,
    entity_id text collate "C" not null,
    body      text    not null,
    primary key (run_id, ordinal)
);
-- MASS_REMOVAL looks the executing generation's entities up in the plan by id
create unique index planned_entity_by_id on planned_entity (run_id, entity_id);
