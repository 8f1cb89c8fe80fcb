import pg from 'pg';
import type { Corpus, CorpusResource, Taxonomy } from './corpus.js';

const BATCH = 5000;

/**
 * Writes the corpus with one multi-row statement per table and batch (`INSERT … SELECT FROM
 * unnest($1::type[], …)`): a few hundred statements for a million resources.
 */
export async function loadCorpus(databaseUrl: string, corpus: Corpus, taxonomy: Taxonomy, progress: (done: number) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await seedTaxonomy(client, taxonomy);
    const authors = [...corpus.authors()];
    for (let i = 0; i < authors.length; i += BATCH) {
      const rows = authors.slice(i, i + BATCH);
      await client.query(
        `INSERT INTO "Member" (id, email, "passwordHash", handle, "firstName", "lastName", "emailVerifiedAt", "updatedAt")
         SELECT id, email, 'bench-no-login', handle, first, last, now(), now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, email, handle, first, last)`,
        [rows.map((a) => a.id), rows.map((a) => a.email), rows.map((a) => a.handle), rows.map((a) => a.firstName), rows.map((a) => a.lastName)],
      );
    }
    let batch: CorpusResource[] = [];
    let done = 0;
    for (const resource of corpus.resources(authors.map((a) => a.id))) {
      batch.push(resource);
      if (batch.length === BATCH) {
        await insertResources(client, batch);
        done += batch.length;
        progress(done);
        batch = [];
      }
    }
    if (batch.length) {
      await insertResources(client, batch);
      progress(done + batch.length);
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function seedTaxonomy(client: pg.Client, taxonomy: Taxonomy): Promise<void> {
  let position = 0;
  for (const level of taxonomy.levels) {
    for (const node of [level, ...(level.children ?? [])]) {
      const [min, max] = node.ages ?? level.ages ?? [0, 99];
      await client.query(
        `INSERT INTO "EducationLevel" (key, "nameNl", "nameEn", "minAge", "maxAge", position, "parentKey") VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING`,
        [node.key, node.nl, node.en, min, max, position++, node === level ? null : level.key],
      );
    }
  }
  for (const subject of taxonomy.subjects) {
    for (const node of [subject, ...(subject.children ?? [])]) {
      await client.query(`INSERT INTO "Subject" (key, "nameNl", "nameEn", position, "parentKey") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING`, [
        node.key,
        node.nl,
        node.en,
        position++,
        node === subject ? null : subject.key,
      ]);
    }
  }
}

async function insertResources(client: pg.Client, rows: CorpusResource[]): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "Resource" (id, "authorId", title, description, keywords, type, state, link, language, licence, "ageMin", "ageMax",
                               "hiddenAt", "hiddenReason", "viewCount", "favouriteCount", "ratingCount", "ratingSum", "createdAt", "updatedAt", "publishedAt")
       SELECT id, author, title, description, string_to_array(keywords, ' '), type::"ResourceType", state::"ResourceState", link, language, licence, age_min, age_max,
              CASE WHEN state = 'hidden' THEN published END, CASE WHEN state = 'hidden' THEN 'benchmark' END,
              views, favourites, rating_count, rating_sum, created, created, published
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::timestamp[], $18::timestamp[])
         AS t(id, author, title, description, keywords, type, state, link, language, licence, age_min, age_max, views, favourites, rating_count, rating_sum, created, published)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.authorId),
        rows.map((r) => r.title),
        rows.map((r) => r.description),
        rows.map((r) => r.keywords.join(' ')),
        rows.map((r) => r.type),
        rows.map((r) => r.state),
        rows.map((r) => r.link),
        rows.map((r) => r.language),
        rows.map((r) => r.licence),
        rows.map((r) => r.ageMin),
        rows.map((r) => r.ageMax),
        rows.map((r) => r.viewCount),
        rows.map((r) => r.favouriteCount),
        rows.map((r) => r.ratingCount),
        rows.map((r) => r.ratingSum),
        rows.map((r) => r.createdAt.toISOString()),
        rows.map((r) => r.publishedAt?.toISOString() ?? null),
      ],
    );
    const pairs = (pick: (r: CorpusResource) => string[]) => rows.flatMap((r) => pick(r).map((key) => [r.id, key] as const));
    const subjects = pairs((r) => r.subjects);
    await client.query(`INSERT INTO "ResourceSubject" ("resourceId", "subjectKey") SELECT * FROM unnest($1::uuid[], $2::text[])`, [subjects.map((p) => p[0]), subjects.map((p) => p[1])]);
    const levels = pairs((r) => r.levels);
    await client.query(`INSERT INTO "ResourceLevel" ("resourceId", "levelKey") SELECT * FROM unnest($1::uuid[], $2::text[])`, [levels.map((p) => p[0]), levels.map((p) => p[1])]);
    const withFile = rows.filter((r) => r.hasFile);
    await client.query(
      `INSERT INTO "ResourceFile" (id, "resourceId", "storageKey", "displayName", size, "mimeType", extension, "previewKind")
       SELECT md5('file:' || id::text)::uuid, id, 'bench/' || id, 'werkblad.pdf', 120000, 'application/pdf', 'pdf', 'pdf' FROM unnest($1::uuid[]) AS t(id)`,
      [withFile.map((r) => r.id)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
