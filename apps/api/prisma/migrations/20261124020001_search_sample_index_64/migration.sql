-- hand-written: as search_sample_index_8, for the sample of one in 64 (id hash ending in six zero
-- bits, the holders of "z6"), whose posting lists are 64 times shorter than the full index's: the
-- facets of a very common word are counted from it (docs/adr/0013-search-counts-at-scale.md).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_sample64_idx" ON "SearchDocument" USING gin ("searchVector", "facetVector") WHERE (pg_catalog.hashtext("resourceId"::text) & 63) = 0;
