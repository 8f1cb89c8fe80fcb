-- hand-written: the newest matches of a large result are read in this order until a page is
-- full, instead of sorting every match (the expressions are the search's sort keys).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_newest_idx" ON "SearchDocument" ((extract(epoch FROM "publishedAt")::float8), "resourceId");
