-- hand-written: titles are no longer completed by a trigram match anywhere in the title (its
-- cost grew with the number of titles holding a short prefix) but by the prefix index above,
-- so the trigram index of titles only slowed indexing down.
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS "SearchDocument_title_trgm_idx";
