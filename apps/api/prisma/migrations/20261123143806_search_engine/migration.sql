-- Search engine (PostgreSQL adapter). Hand-written parts are marked "hand-written": the
-- schema-to-schema diff (scripts/new-migration.ts) never sees them, so later migrations keep them.
-- (No semicolons in comments here: the migration runner splits the script on them.)

-- hand-written: extensions and immutable helpers. unaccent() is only STABLE (it reads its
-- dictionary through the search_path), so generated columns and indexes use an IMMUTABLE wrapper
-- with the dictionary schema-qualified.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE OR REPLACE FUNCTION search_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- array_to_string is STABLE for arrays in general, for text[] it is immutable.
CREATE OR REPLACE FUNCTION search_join(value text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(value, ' '), '') $$;

-- One text in both configurations: Dutch stems ("breuken" ~ "breuk") and simple words
-- (abbreviations, names, words the stemmer would mangle), over unaccented text.
CREATE OR REPLACE FUNCTION search_weighted(value text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('pg_catalog.dutch'::regconfig, search_unaccent(coalesce(value, ''))), weight)
            || setweight(to_tsvector('pg_catalog.simple'::regconfig, search_unaccent(coalesce(value, ''))), weight) $$;

-- The query side of the same: user input in web-search syntax ("a phrase", -not, or).
CREATE OR REPLACE FUNCTION search_query(value text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT websearch_to_tsquery('pg_catalog.dutch'::regconfig, search_unaccent(value))
            || websearch_to_tsquery('pg_catalog.simple'::regconfig, search_unaccent(value)) $$;

-- Several query variants (synonyms, corrections) OR-ed into one tsquery.
CREATE AGGREGATE search_query_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- For highlighting the original (accented) text: Dutch with unaccent in front of the stemmer,
-- so ts_headline finds the same lexemes as search_weighted put in the vector.
CREATE TEXT SEARCH CONFIGURATION search_nl (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION search_nl ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, dutch_stem;

-- Distinct unaccented lower-case words (3 to 40 characters, at least one letter): the vocabulary.
CREATE OR REPLACE FUNCTION search_words(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT word ORDER BY word), '{}')
          FROM regexp_split_to_table(lower(search_unaccent(coalesce(value, ''))), '[^[:alnum:]]+') AS word
         WHERE length(word) BETWEEN 3 AND 40 AND word ~ '[[:alpha:]]' $$;

-- CreateTable
CREATE TABLE "SearchDocument" (
    "resourceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "keywords" TEXT[],
    "authorId" UUID,
    "authorName" TEXT,
    "subjects" TEXT[],
    "subjectLabels" TEXT[],
    "levels" TEXT[],
    "levelLabels" TEXT[],
    "type" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "ageMin" INTEGER,
    "ageMax" INTEGER,
    "hasFile" BOOLEAN NOT NULL,
    "hasLink" BOOLEAN NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "ratingAverage" DOUBLE PRECISION,
    "ratingCount" INTEGER NOT NULL,
    "viewCount" INTEGER NOT NULL,
    "favouriteCount" INTEGER NOT NULL,
    "words" TEXT[] GENERATED ALWAYS AS (search_words("title" || ' ' || search_join("keywords") || ' ' || search_join("subjectLabels") || ' ' || search_join("levelLabels") || ' ' || "description")) STORED,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector GENERATED ALWAYS AS (
        search_weighted("title", 'A')
        || search_weighted(search_join("keywords"), 'B')
        || search_weighted(coalesce("authorName", '') || ' ' || search_join("subjectLabels") || ' ' || search_join("levelLabels"), 'C')
        || search_weighted("description", 'D')) STORED,
    "titleVector" tsvector GENERATED ALWAYS AS (search_weighted("title", 'A')) STORED,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("resourceId")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,
    "documentCount" INTEGER NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "SearchSynonymGroup" (
    "id" SERIAL NOT NULL,
    "terms" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonymGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchIndexEntry" (
    "resourceId" UUID NOT NULL,
    "viewCount" INTEGER NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchIndexEntry_pkey" PRIMARY KEY ("resourceId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_publishedAt_idx" ON "SearchDocument"("publishedAt");

-- CreateIndex
CREATE INDEX "SearchDocument_authorId_idx" ON "SearchDocument"("authorId");


-- hand-written: full-text, trigram and prefix indexes, foreign keys.
CREATE INDEX "SearchDocument_searchVector_idx" ON "SearchDocument" USING gin ("searchVector");
CREATE INDEX "SearchDocument_title_trgm_idx" ON "SearchDocument" USING gin ((lower(search_unaccent("title"))) gin_trgm_ops);
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING gin ("term" gin_trgm_ops);
CREATE INDEX "SearchTerm_term_prefix_idx" ON "SearchTerm" ("term" text_pattern_ops);

ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchIndexEntry" ADD CONSTRAINT "SearchIndexEntry_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
