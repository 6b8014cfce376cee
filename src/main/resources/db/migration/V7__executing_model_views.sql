-- The executing model as views, for systems that read the database directly (DESIGN.md §11). They are
-- the one definition of "which generation executes": Cutover's Java reader (ExecutingModelReader)
-- selects from executing_generation too, so the two can never disagree.
--
-- Read them in one transaction at REPEATABLE READ when reading more than one statement's worth:
-- activation and rollback switch executing_model in one transaction, so one snapshot shows the old
-- model or the new one, never a mix. A single select over either view is one snapshot by itself.

-- One row per migration that was ever activated or rolled back: the generation executing now
-- (0 = legacy, then run_id, digest and entity_kind are null). No row: legacy executes.
create view executing_generation as
select e.migration, e.generation, g.run_id, g.digest, g.entity_kind, e.switched_at
from executing_model e
left join model_generation g on g.migration = e.migration and g.generation = e.generation;

-- The entities of each migration's executing generation; a migration executing legacy has none.
-- ordinal is the model's order; body is the entity as staged (JSON text).
create view executing_entities as
select x.migration, x.generation, x.run_id, x.entity_kind, t.entity_id, t.ordinal, t.body
from executing_generation x
join target_entity t on t.run_id = x.run_id;
