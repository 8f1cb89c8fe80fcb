-- hand-written: the most viewed matches of a large result, read in order (the search's sort keys).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_views_idx" ON "SearchDocument" (("viewCount"::float8), (extract(epoch FROM "publishedAt")::float8), "resourceId");
