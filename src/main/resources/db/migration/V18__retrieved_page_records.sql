-- A source's legacy records (its distinct record keys: one per usable id, one per item without one), counted
-- with its distinct ids when its last page is stored (RetrievalStore.countFetchedIds), in the same aggregate.
-- The normalize step's progress reads the run's records from here: counted over every item of the run at the
-- step's start, they took 2.0 to 2.2 s at 1M records, a sequential scan of every run's items. Null on pages
-- stored before this column existed (such a run's records are counted from its items, as before).
alter table retrieved_page add column records bigint;
