-- hand-written: the index over the text and the filters (previous migration) answers every text
-- query the text-only index did.
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS "SearchDocument_searchVector_idx";
