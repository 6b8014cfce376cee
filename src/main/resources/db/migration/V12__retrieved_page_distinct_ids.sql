-- Progress in the unit of a source's total: the distinct ids of the source fetched up to and including
-- this page (a page's item_count counts listed items, superseded copies included). Null on pages stored
-- before this column existed.
alter table retrieved_page add column distinct_ids bigint;
