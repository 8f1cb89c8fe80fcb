-- hand-written: the best-rated matches of a large result, read in order (the search's sort keys).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_rating_idx" ON "SearchDocument" ((coalesce("ratingAverage", 0)::float8), ("ratingCount"::float8), "resourceId");
