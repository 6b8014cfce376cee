-- Tenants and recipients come from legacy data and have no length limit, but a btree index row holds
-- about 2.7 KB: a migrated tenant or pager key of a few kilobytes made every dispatcher tick fail on
-- insert. Nothing reads dispatch_log by tuple (audits scan it), so the index goes.
drop index dispatch_log_by_tuple;
