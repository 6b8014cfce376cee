-- The planned model as stage copies it, so that stage is two set-based statements per chunk instead of
-- parsing every entity in Java: planned_entity.body is from now on the entity as staged (without its
-- members, exactly target_entity.body), and the members are rows of their own (exactly target_lineage).
-- A run planned before this migration has its members inside body and none here: plan it again rather
-- than restarting its apply (its validation would find entities without lineage, and nothing activates).
create table planned_member (
    run_id     bigint  not null,
    ordinal    integer not null,
    entity_id  text collate "C" not null,
    source     text collate "C" not null,
    record_key text collate "C" not null
);
-- stage copies one range of ordinals at a time
create index planned_member_by_ordinal on planned_member (run_id, ordinal);
