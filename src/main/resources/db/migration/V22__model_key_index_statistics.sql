-- The reads of V21's index name a key twice, by its hash and by itself, and the two always agree; the
-- planner multiplied their selectivities and expected about 2 rows for a schedule of 974 at 1M. A
-- functional dependency between them, gathered by the ANALYZE that ends every build (ModelKeyIndex), gives
-- the key's own estimate (1,431 for those 974, 28,173 for a schedule of 26,640), so the plan of a large
-- key's read is chosen on what it reads.
create statistics legacy_key_key_and_hash (dependencies) on key, (hashtext(key)) from legacy_key;
create statistics entity_key_key_and_hash (dependencies) on key, (hashtext(key)) from entity_key;
