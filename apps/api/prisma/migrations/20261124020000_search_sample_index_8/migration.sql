-- hand-written: the search documents of the sample of one in 8 (id hash ending in three zero bits,
-- the holders of the "z3" marker) get a GIN index of their own. A large result's facets are
-- counted over a sample, and in the full index GIN decodes the whole posting list of a common
-- word or filter value whenever the sampled matches are spread over it. In this index those
-- lists are 8 times shorter (docs/adr/0013-search-counts-at-scale.md).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_sample8_idx" ON "SearchDocument" USING gin ("searchVector", "facetVector") WHERE (pg_catalog.hashtext("resourceId"::text) & 7) = 0;
