-- hand-written: the filter values of a search document as lexemes of a tsvector, so that the
-- text, the filters and a sample are answered together by one GIN index scan, and a search over
-- a large result can count its facets over a sample (docs/adr/0012-search-counts-at-scale.md).
-- Lexemes: "s:" subject, "l:" level, "t:" type, "g:" language, "c:" licence, "a:" age band (every
-- band the range overlaps, the bands of the contracts' AGE_BANDS), "m:file" and "m:link", and
-- sample markers "z1" to "z10": "zj" when the hash of the id is a multiple of 2^j, so a sample of
-- one document in 2^j is the documents holding "zj".
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';

CREATE OR REPLACE FUNCTION search_facet_vector(subjects text[], levels text[], type text, language text, licence text, age_min int, age_max int, has_file boolean, has_link boolean, id uuid) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT pg_catalog.array_to_tsvector(pg_catalog.array_remove(
              ARRAY(SELECT 's:' || s FROM unnest(coalesce(subjects, '{}')) AS s)
           || ARRAY(SELECT 'l:' || l FROM unnest(coalesce(levels, '{}')) AS l)
           || ARRAY['t:' || type, 'g:' || language, 'c:' || licence,
                    CASE WHEN has_file THEN 'm:file' END, CASE WHEN has_link THEN 'm:link' END]
           || ARRAY(SELECT 'a:' || band.name
                      FROM (VALUES ('0-5', 0, 5), ('6-8', 6, 8), ('9-11', 9, 11), ('12-14', 12, 14), ('15-18', 15, 18), ('18+', 19, 99)) AS band(name, lo, hi)
                     WHERE (age_min IS NOT NULL OR age_max IS NOT NULL) AND coalesce(age_min, 0) <= band.hi AND coalesce(age_max, 99) >= band.lo)
           || ARRAY(SELECT 'z' || j FROM generate_series(1, 10) AS j WHERE (pg_catalog.hashtext(id::text) & ((1 << j) - 1)) = 0),
           NULL)) $$;

-- The search documents are derived data (search:reindex rebuilds them), small next to the
-- resources, and a stored generated column keeps every row right from the first search on.
-- migration-safety: allow add-column-rewrite because SearchDocument is derived data and the rewrite (tens of seconds per million documents) only holds up searches and indexing, which catch up
ALTER TABLE "SearchDocument" ADD COLUMN "facetVector" tsvector GENERATED ALWAYS AS (
    search_facet_vector("subjects", "levels", "type", "language", "licence", "ageMin", "ageMax", "hasFile", "hasLink", "resourceId")) STORED;

-- Read for every counted match and every row an ordered page walks past: kept in the row.
ALTER TABLE "SearchDocument" ALTER COLUMN "facetVector" SET STORAGE PLAIN;
