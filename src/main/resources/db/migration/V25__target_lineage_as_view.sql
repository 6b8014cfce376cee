-- The staged model's lineage is the planned members of its staged entities: stage inserts an entity and
-- nothing else (TargetStore.stage), and an entity is staged with all of its members or not at all. Copying
-- the members into a table of their own wrote every (record, entity) pair of a run a second time, with an
-- index (1.13M rows at 1M notification rules). The view keeps the name and the columns for whoever
-- reads the lineage of a staged model in SQL. A run planned before V9 has no planned_member rows and so
-- no lineage here: plan it again rather than restarting its apply (as V9 says).
drop table target_lineage;
create view target_lineage as
select m.run_id, m.source, m.record_key, m.entity_id
from planned_member m
join target_entity e on e.run_id = m.run_id and e.entity_id = m.entity_id;
