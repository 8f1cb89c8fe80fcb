-- hand-written: term completions for a two-letter prefix read the first entries of this index
-- (most frequent words first) instead of sorting every word with that prefix.
-- (No semicolons in comments here: the migration runner splits the script on them.)
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS "SearchTerm_prefix2_count_idx" ON "SearchTerm" (left("term", 2), "documentCount" DESC, "term");
