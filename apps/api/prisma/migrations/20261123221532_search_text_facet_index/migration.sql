-- hand-written: one GIN index over the text and the filter lexemes, so a search with filters (and
-- a sample) is one bitmap index scan: the documents matching the words, every filter and the
-- sample are intersected in the index before any row is read. It replaces the text-only index
-- (dropped in the next migration).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_search_facet_idx" ON "SearchDocument" USING gin ("searchVector", "facetVector");
