-- hand-written: the search helpers call search_unaccent by its schema-qualified name. pg_dump
-- restores with an empty search_path, and PostgreSQL inlines these SQL functions while it creates
-- the generated columns of "SearchDocument", so an unqualified call made every backup fail to
-- restore ("function search_unaccent(text) does not exist"). Same bodies otherwise, so the stored
-- values stay valid. CREATE OR REPLACE FUNCTION locks no table.
-- (No semicolons in comments here: the migration runner splits the script on them.)

CREATE OR REPLACE FUNCTION search_weighted(value text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('pg_catalog.dutch'::regconfig, public.search_unaccent(coalesce(value, ''))), weight)
            || setweight(to_tsvector('pg_catalog.simple'::regconfig, public.search_unaccent(coalesce(value, ''))), weight) $$;

CREATE OR REPLACE FUNCTION search_query(value text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT websearch_to_tsquery('pg_catalog.dutch'::regconfig, public.search_unaccent(value))
            || websearch_to_tsquery('pg_catalog.simple'::regconfig, public.search_unaccent(value)) $$;

CREATE OR REPLACE FUNCTION search_words(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT word ORDER BY word), '{}')
          FROM regexp_split_to_table(lower(public.search_unaccent(coalesce(value, ''))), '[^[:alnum:]]+') AS word
         WHERE length(word) BETWEEN 3 AND 40 AND word ~ '[[:alpha:]]' $$;
