-- A key of any length. A key is the live executor's own text (a rate limit's service, a schedule and its
-- zone), read from legacy records: a service named by 4,000 characters that do not compress made the
-- btree entry of the key (at most 2,704 bytes) fail the index's build, and with it the activation that
-- builds the new generation's index and every admission decision of the legacy model. The element tables
-- are searched by the key's hash (4 bytes whatever the key) and each row found checks the key itself;
-- a model's distinct keys are listed whole, never searched one by one, so they need no index on the key.
drop index legacy_key_by_key;
create index legacy_key_by_key on legacy_key (run_id, hashtext(key));
drop index entity_key_by_key;
create index entity_key_by_key on entity_key (run_id, hashtext(key));
alter table model_key drop constraint model_key_pkey;
create index model_key_by_model on model_key (run_id, legacy);
