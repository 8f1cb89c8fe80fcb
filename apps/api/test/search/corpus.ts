import { randomUUID } from 'node:crypto';
import { TaxonomyService } from '../../src/modules/taxonomy/taxonomy.service.js';
import { createMember } from '../factories/members.js';
import type { TestApp } from '../support/test-app.js';

export interface CorpusResource {
  /** A fixed id (default: a random one). */
  id?: string;
  title: string;
  description?: string;
  keywords?: string[];
  subjects?: string[];
  levels?: string[];
  type?: string;
  language?: string;
  licence?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  link?: string | null;
  file?: boolean;
  state?: 'draft' | 'published' | 'hidden' | 'removed';
  publishedAt?: string;
  ratings?: { count: number; sum: number };
  views?: number;
  favourites?: number;
  authorId?: string | null;
}

/** Inserts a resource row as it would be after the API created (and published) it; returns its id. */
export async function insertResource(t: TestApp, authorId: string | null, r: CorpusResource): Promise<string> {
  const id = r.id ?? randomUUID();
  const state = r.state ?? 'published';
  await t.sql(
    `INSERT INTO "Resource" (id, "authorId", title, description, type, state, link, language, keywords, licence, "ageMin", "ageMax",
                             "viewCount", "favouriteCount", "ratingCount", "ratingSum", "createdAt", "updatedAt", "publishedAt", "removedAt")
     VALUES ($1, $2, $3, $4, $5::"ResourceType", $6::"ResourceState", $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18, $19)`,
    [
      id,
      r.authorId === undefined ? authorId : r.authorId,
      r.title,
      r.description ?? '',
      r.type ?? 'document',
      state,
      r.file ? null : (r.link === undefined ? 'https://example.org/' + id : r.link),
      r.language ?? 'nl',
      r.keywords ?? [],
      r.licence ?? 'CC-BY',
      r.ageMin ?? null,
      r.ageMax ?? null,
      r.views ?? 0,
      r.favourites ?? 0,
      r.ratings?.count ?? 0,
      r.ratings?.sum ?? 0,
      r.publishedAt ?? '2026-01-01T12:00:00Z',
      state === 'draft' ? null : (r.publishedAt ?? '2026-01-01T12:00:00Z'),
      state === 'removed' ? new Date().toISOString() : null,
    ],
  );
  for (const key of r.subjects ?? []) await t.sql(`INSERT INTO "ResourceSubject" ("resourceId", "subjectKey") VALUES ($1, $2)`, [id, key]);
  for (const key of r.levels ?? []) await t.sql(`INSERT INTO "ResourceLevel" ("resourceId", "levelKey") VALUES ($1, $2)`, [id, key]);
  if (r.file) {
    await t.sql(
      `INSERT INTO "ResourceFile" (id, "resourceId", "uploaderId", "storageKey", "displayName", size, "mimeType", extension, "previewKind")
       VALUES ($1, $2, $3, $4, 'blad.pdf', 100, 'application/pdf', 'pdf', 'pdf')`,
      [randomUUID(), id, authorId, `resources/${id}/${randomUUID()}`],
    );
  }
  return id;
}

export interface Corpus {
  ids: Record<'breuken' | 'seizoenen' | 'procenten' | 'francais' | 'turnen', string>;
  /** 23 resources titled "Zandloper taak n" (pagination), some published at the same moment. */
  zandlopers: string[];
  all: string[];
  author: { id: string; firstName: string; lastName: string };
}

/** A small published corpus with known properties, shared by the engine contract tests. */
export async function createCorpus(t: TestApp): Promise<Corpus> {
  await t.app.get(TaxonomyService).seedIfEmpty();
  const author = await createMember(t, { firstName: 'Jonas', lastName: 'Peeters' });
  const other = await createMember(t, { firstName: 'Sara', lastName: 'Claes' });
  const ids = {
    breuken: await insertResource(t, other.id, {
      title: 'Breuken oefenen',
      description: 'Oefeningen op **breuken** voor het vierde leerjaar.',
      keywords: ['breuken', 'rekenen'],
      subjects: ['wiskunde'],
      levels: ['lager-4'],
      type: 'worksheet',
      licence: 'CC-BY-SA',
      ageMin: 9,
      ageMax: 10,
      file: true,
      publishedAt: '2026-01-05T10:00:00Z',
      ratings: { count: 2, sum: 9 },
      views: 100,
      favourites: 3,
    }),
    seizoenen: await insertResource(t, other.id, {
      title: 'Wereldoriëntatie: de seizoenen',
      description: 'Werkblad over de vier seizoenen in de natuur.',
      keywords: ['natuur'],
      subjects: ['wereldorientatie'],
      levels: ['lager-2'],
      type: 'worksheet',
      ageMin: 7,
      ageMax: 8,
      publishedAt: '2026-01-04T10:00:00Z',
      ratings: { count: 1, sum: 3 },
      views: 50,
    }),
    procenten: await insertResource(t, other.id, {
      title: 'Kommagetallen en procenten',
      description: 'Wiskundige uitleg met een oefening voor de tweede graad.',
      keywords: ['procent'],
      subjects: ['wiskunde'],
      levels: ['sec-graad-2'],
      type: 'presentation',
      licence: 'CC0',
      ageMin: 14,
      ageMax: 16,
      publishedAt: '2026-01-03T10:00:00Z',
      views: 300,
      favourites: 1,
    }),
    francais: await insertResource(t, other.id, {
      title: 'Le français: les verbes',
      description: 'Conjugaison des verbes réguliers.',
      subjects: ['frans'],
      levels: ['sec-graad-1'],
      language: 'fr',
      ageMin: 12,
      ageMax: 13,
      file: true,
      publishedAt: '2026-01-02T10:00:00Z',
      views: 10,
    }),
    turnen: await insertResource(t, author.id, {
      title: 'Turnen in de kleuterklas',
      description: 'Bewegingsspelletjes voor de turnzaal.',
      keywords: ['gym'],
      subjects: ['lichamelijke-opvoeding'],
      levels: ['kleuter'],
      type: 'video',
      ageMin: 3,
      ageMax: 5,
      publishedAt: '2026-01-01T10:00:00Z',
      views: 5,
    }),
  };
  const zandlopers: string[] = [];
  for (let n = 1; n <= 23; n++) {
    zandlopers.push(
      await insertResource(t, other.id, {
        title: `Zandloper taak ${n}`,
        description: 'Een taak met een zandloper.',
        subjects: ['aardrijkskunde'],
        levels: ['lager-3'],
        type: 'exercise',
        licence: 'CC-BY-NC',
        // Pairs share a publication moment: keyset pagination must break ties.
        publishedAt: `2025-12-${String(1 + Math.floor(n / 2)).padStart(2, '0')}T08:00:00Z`,
        views: n,
      }),
    );
  }
  return { ids, zandlopers, all: [...Object.values(ids), ...zandlopers], author: { id: author.id, firstName: 'Jonas', lastName: 'Peeters' } };
}
