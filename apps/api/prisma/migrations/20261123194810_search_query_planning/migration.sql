-- hand-written: two changes that make the PostgreSQL search engine's costs follow the number of
-- matches it counts rather than the width of its rows (docs/adr/0007-search-engines.md).
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';

-- All query variants as one tsquery, IMMUTABLE: called with a parameter it is evaluated while the
-- statement is planned, so the planner estimates the matches from the column statistics (a
-- common word: a hash anti-join and a large bitmap, a rare word: index probes) instead of
-- guessing from a CTE it cannot see into.
CREATE OR REPLACE FUNCTION search_query_all(variants text[]) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.search_query_any(public.search_query(v)) FROM unnest(variants) AS v $$;

-- Narrower rows: a search reads, for every match, only the facet and sort columns and the title
-- vector, but rows also carry the description, full-text vector and word list inline (1.6 kB a
-- row on average, so a common word visits every page of the table). PostgreSQL moves values to
-- TOAST only for rows over about 2 kB, and then only until the row is under toast_tuple_target:
-- with 128 those rows keep just the columns every match reads (PLAIN: a title is at most 200
-- characters, subjects and levels are a few keys), the rest is read only for ranked candidates
-- and the page. (At 100,000 generated resources the table went from 157 to 67 MB.) Applies to
-- rows written from now on, so run search:reindex once after upgrading. Metadata only: no
-- rewrite, a brief lock.
ALTER TABLE "SearchDocument" SET (toast_tuple_target = 128);
ALTER TABLE "SearchDocument" ALTER COLUMN "title" SET STORAGE PLAIN, ALTER COLUMN "titleVector" SET STORAGE PLAIN, ALTER COLUMN "subjects" SET STORAGE PLAIN, ALTER COLUMN "levels" SET STORAGE PLAIN;
