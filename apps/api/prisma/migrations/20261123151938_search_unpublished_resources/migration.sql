-- hand-written: the ids of resources that are not published, for the PostgreSQL search engine.
-- SearchDocument should only hold published resources, but a document can linger until the
-- indexer's job removes it, so every search leaves out documents whose resource is not published
-- (an anti-join against this small index) instead of joining "Resource" for every match.
-- (No semicolons in comments here: the migration runner splits the script on them.)
CREATE INDEX "Resource_unpublished_idx" ON "Resource" ("id") WHERE "state" <> 'published';
