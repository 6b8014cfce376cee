-- Stage writes an entity's lineage in the statement that inserts the entity, and only for the entities
-- that statement inserted (TargetStore.stage): the entity's primary key makes a replayed or overlapping
-- chunk add nothing, and planned_member holds each (entity, record) once. The lineage's own primary key
-- (run_id, source, record_key, entity_id) was then a second check of the same thing that cost the most:
-- rows arrive in model order, so each one went to a random place of an index larger than shared_buffers.
-- Measured on the 1.13M lineage rows of 1M notification rules: inserting them took 10.0 to 14.1 s with
-- it, 3.9 s without (target_lineage_by_entity, which the validation's joins and every run_id filter use,
-- stays). Nothing looks a lineage row up by record: validation joins the run's rows whole.
alter table target_lineage drop constraint target_lineage_pkey;
