-- hand-written: title completions read titles starting with the typed text, in order, from this
-- index of the unaccented lower-case title ("C" collation, so LIKE 'prefix%' is a range scan).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchDocument_title_prefix_idx" ON "SearchDocument" ((lower(public.search_unaccent("title")) COLLATE "C"));
