// Seeds one "heavy" member for the privacy benchmarks (data export, account deletion): N rows of
// usage data (default 100,000) spread over viewed resources, favourites, ratings, comments,
// search history, log-in history, notifications, messages and folder items, plus the others
// those rows need (authors of the resources, conversation partners, followers).
//
// Fast: every table is filled by multi-row `INSERT … SELECT FROM generate_series(…)` statements
// through `pg` (batches of 50,000 rows), so the rows are generated inside PostgreSQL. Ids are
// derived from the seed (`md5(seed:kind:n)` as uuid): the same seed and size give the same rows.
// One call per seed and database (a second call with the same seed conflicts on the ids).
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface HeavyMemberOptions {
  /** Rows of usage data for the member (default 100,000). */
  rows?: number;
  /** Makes ids, e-mail addresses and handles unique per seed (default `lesplein-privacy-bench`). */
  seed?: string;
}

/** Shares of N per kind of usage data (they sum to 1). */
export const USAGE_SHARES = {
  views: 0.3,
  favourites: 0.08,
  ratings: 0.08,
  comments: 0.1,
  searchHistory: 0.12,
  loginHistory: 0.08,
  notifications: 0.1,
  messages: 0.08,
  folderItems: 0.06,
} as const;

export type UsageKind = keyof typeof USAGE_SHARES;

export interface HeavyMember {
  memberId: string;
  email: string;
  handle: string;
  /** Ids of the other members seeded around them (authors, conversation partners, followers). */
  otherMemberIds: string[];
  /** Resources the member wrote (a few, without files). */
  ownResourceIds: string[];
  /** Rows seeded per kind of usage data; their sum is `rows`. */
  counts: Record<UsageKind, number>;
  /** Rows of everything else seeded for the member (own resources, folders, conversations, follows…). */
  extra: Record<string, number>;
  rows: number;
}

const BATCH = 50_000;
const OTHERS = 50;
const FOLDER_SIZE = 200;

/** The uuid the SQL expression `md5(seed || ':' || kind || ':' || n)::uuid` gives. */
export function seededUuid(seed: string, kind: string, n: number): string {
  const hex = createHash('md5').update(`${seed}:${kind}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Splits N over the kinds by their shares; the remainder goes to the views. */
export function usageCounts(rows: number): Record<UsageKind, number> {
  const counts = Object.fromEntries(Object.entries(USAGE_SHARES).map(([kind, share]) => [kind, Math.floor(rows * share)])) as Record<UsageKind, number>;
  counts.views += rows - Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

/**
 * Runs `INSERT … SELECT … FROM generate_series($2, $3) AS g` in batches: `$1` is the seed (every
 * statement must use it, or PostgreSQL cannot type it), `$2`/`$3` the batch's bounds, then the rest.
 */
async function inBatches(client: pg.ClientBase, total: number, sql: string, params: unknown[] = []): Promise<void> {
  for (let lo = 1; lo <= total; lo += BATCH) {
    const hi = Math.min(total, lo + BATCH - 1);
    await client.query(sql, [...params.slice(0, 1), lo, hi, ...params.slice(1)]);
  }
}

/**
 * Seeds the heavy member. Pass a connected client or a connection string. The database must be
 * migrated; the taxonomy is optional (the member gets subjects and levels when it is there).
 */
export async function seedHeavyMember(db: pg.ClientBase | string, options: HeavyMemberOptions = {}): Promise<HeavyMember> {
  const rows = options.rows ?? 100_000;
  const seed = options.seed ?? 'lesplein-privacy-bench';
  if (!Number.isInteger(rows) || rows < 100) throw new Error('rows must be an integer ≥ 100');
  const client = typeof db === 'string' ? new pg.Client({ connectionString: db }) : db;
  if (typeof db === 'string') await (client as pg.Client).connect();
  try {
    return await seed_(client, rows, seed);
  } finally {
    if (typeof db === 'string') await (client as pg.Client).end();
  }
}

async function seed_(client: pg.ClientBase, rows: number, seed: string): Promise<HeavyMember> {
  const counts = usageCounts(rows);
  const tag = createHash('md5').update(seed).digest('hex').slice(0, 8);
  const memberId = seededUuid(seed, 'member', 1);
  const email = `bench-heavy-${tag}@example.org`;
  const handle = `bench-zwaar-${tag}`;
  // Enough resources by others that favourites, ratings and each folder's items stay distinct.
  const resources = Math.max(FOLDER_SIZE, counts.favourites, counts.ratings, Math.ceil(rows / 10));
  const ownResources = Math.max(5, Math.ceil(rows / 1000));
  const folders = Math.max(1, Math.ceil(counts.folderItems / FOLDER_SIZE));
  const conversations = Math.min(OTHERS, 40);
  const savedSearches = 10;
  const follows = 20;

  // Shared SQL fragments: the seeded uuid of kind k and number n, and a moment in the last 60 days.
  const uuid = (kind: string, n: string) => `md5($1::text || ':${kind}:' || (${n}))::uuid`;
  const recent = (g: string) => `now() - ((${g}) % 5184000) * interval '1 second' - interval '1 minute'`;
  const resource = (g: string) => uuid('resource', `((${g}) % ${resources}) + 1`);
  const other = (g: string) => uuid('other', `((${g}) % ${OTHERS}) + 1`);

  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "Member" (id, email, "passwordHash", handle, "firstName", "lastName", "emailVerifiedAt", "aboutMe", school, "updatedAt", "createdAt")
       VALUES ($1, $2, 'bench-no-login', $3, 'Zwaar', 'Gebruik', now(), 'Leerkracht met veel gebruiksgegevens.', 'Basisschool De Linde', now(), now() - interval '2 years')`,
      [memberId, email, handle],
    );
    await client.query(
      `INSERT INTO "Member" (id, email, "passwordHash", handle, "firstName", "lastName", "emailVerifiedAt", "updatedAt")
       SELECT ${uuid('other', 'g')}, 'bench-heavy-' || $2 || '-other-' || g || '@example.org', 'bench-no-login', 'bench-ander-' || $2 || '-' || g, 'Ander', 'Lid ' || g, now(), now()
       FROM generate_series(1, ${OTHERS}) AS g`,
      [seed, tag],
    );
    await client.query(
      `INSERT INTO "MemberSubject" ("memberId", "subjectKey") SELECT $1, key FROM "Subject" ORDER BY position LIMIT 3`,
      [memberId],
    );
    await client.query(`INSERT INTO "MemberLevel" ("memberId", "levelKey") SELECT $1, key FROM "EducationLevel" ORDER BY position LIMIT 2`, [memberId]);
    await client.query(
      `INSERT INTO "ProfileFieldConsent" (id, "memberId", field, granted, at) VALUES ($2, $1, 'school', true, now() - interval '1 year'), ($3, $1, 'aboutMe', true, now() - interval '1 year')`,
      [memberId, seededUuid(seed, 'profile-consent', 1), seededUuid(seed, 'profile-consent', 2)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }

  // Resources by the others (published), and the member's own.
  await inBatches(
    client,
    resources,
    `INSERT INTO "Resource" (id, "authorId", title, description, type, state, licence, keywords, "updatedAt", "createdAt", "publishedAt")
     SELECT ${uuid('resource', 'g')}, ${other('g')}, 'Lesmateriaal ' || g, 'Een werkblad over breuken en procenten, deel ' || g || '.', 'worksheet'::"ResourceType", 'published'::"ResourceState", 'CC-BY-SA', ARRAY['breuken', 'rekenen'], now(), ${recent('g * 7')}, ${recent('g * 7')}
     FROM generate_series($2::int, $3::int) AS g`,
    [seed],
  );
  await inBatches(
    client,
    ownResources,
    `INSERT INTO "Resource" (id, "authorId", title, description, type, state, licence, keywords, language, "ageMin", "ageMax", "updatedAt", "createdAt", "publishedAt")
     SELECT ${uuid('own-resource', 'g')}, $4::uuid, 'Mijn les ' || g, 'Zelfgemaakte oefeningen over spelling, reeks ' || g || '.', 'exercise'::"ResourceType", 'published'::"ResourceState", 'CC-BY', ARRAY['spelling'], 'nl', 8, 10, now(), ${recent('g * 11')}, ${recent('g * 11')}
     FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );

  // Usage data.
  await inBatches(
    client,
    counts.views,
    `INSERT INTO "ResourceView" ("resourceId", "memberId", "viewedAt") SELECT ${resource('g')}, $4::uuid, ${recent('g * 13')} FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.favourites,
    `INSERT INTO "Favourite" ("memberId", "resourceId", "createdAt") SELECT $4::uuid, ${resource('g')}, ${recent('g * 17')} FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.ratings,
    `INSERT INTO "Rating" ("memberId", "resourceId", score, "createdAt", "updatedAt") SELECT $4::uuid, ${resource('g')}, 1 + (g % 5), ${recent('g * 19')}, ${recent('g * 19')} FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.comments,
    `INSERT INTO "Comment" (id, "resourceId", "authorId", body, "createdAt")
     SELECT ${uuid('comment', 'g')}, ${resource('g * 3')}, $4::uuid, 'Bedankt, ik gebruikte dit in de klas (' || g || ').', ${recent('g * 23')} FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.searchHistory,
    `INSERT INTO "SearchHistoryEntry" (id, "memberId", filters, "filtersKey", "resultCount", "searchedAt")
     SELECT ${uuid('search', 'g')}, $4::uuid, jsonb_build_object('q', 'breuken ' || (g % 500)), '{"q":"breuken ' || (g % 500) || '"}', g % 200, ${recent('g * 29')} FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.loginHistory,
    `INSERT INTO "LoginHistoryEntry" ("memberId", at, "ipPrefix", "userAgent") SELECT $4::uuid, ${recent('g * 31')}, '192.0.2.0/24', 'Mozilla/5.0 (X11; Linux x86_64) bench-' || left(md5($1::text), 8) || '/' || (g % 7) FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.notifications,
    `INSERT INTO "Notification" (id, "recipientId", type, channel, "actorId", "resourceId", "createdAt", "readAt")
     SELECT ${uuid('notification', 'g')}, $4::uuid, (ARRAY['comment_on_resource', 'new_follower', 'mention', 'new_message']::"NotificationType"[])[1 + g % 4], 'in_app'::"NotificationChannel", ${other('g')}, ${resource('g')}, ${recent('g * 37')}, CASE WHEN g % 3 = 0 THEN NULL ELSE now() END
     FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await client.query(
    `INSERT INTO "NotificationPreference" ("memberId", type, channel) VALUES ($1, 'new_follower', 'off'), ($1, 'comment_on_resource', 'email'), ($1, 'saved_search_match', 'digest')`,
    [memberId],
  );
  await client.query(
    `INSERT INTO "Conversation" (id, "memberAId", "memberBId", "lastMessageAt", "createdAt")
     SELECT ${uuid('conversation', 'g')}, $2::uuid, ${other('g - 1')}, now() - interval '1 minute', now() - interval '90 days' FROM generate_series(1, ${conversations}) AS g`,
    [seed, memberId],
  );
  await inBatches(
    client,
    counts.messages,
    `INSERT INTO "Message" (id, "conversationId", "senderId", body, "createdAt")
     SELECT ${uuid('message', 'g')}, ${uuid('conversation', `(g % ${conversations}) + 1`)}, CASE WHEN g % 2 = 0 THEN $4::uuid ELSE ${other(`(g % ${conversations})`)} END,
            'Bericht ' || g || ': heb je die werkbladen nog?', ${recent('g * 41')}
     FROM generate_series($2::int, $3::int) AS g`,
    [seed, memberId],
  );
  await client.query(
    `INSERT INTO "Folder" (id, "ownerId", name, description, visibility, "createdAt", "updatedAt")
     SELECT ${uuid('folder', 'g')}, $2::uuid, 'Map ' || g, 'Materiaal voor periode ' || g, (ARRAY['private', 'public']::"FolderVisibility"[])[1 + g % 2], now() - interval '100 days', now()
     FROM generate_series(1, ${folders}) AS g`,
    [seed, memberId],
  );
  // Item g goes to folder ceil(g / FOLDER_SIZE) with resource g (distinct within the folder).
  await inBatches(
    client,
    counts.folderItems,
    `INSERT INTO "FolderItem" ("folderId", "resourceId", position, "addedAt")
     SELECT ${uuid('folder', `((g - 1) / ${FOLDER_SIZE}) + 1`)}, ${resource('g')}, (g - 1) % ${FOLDER_SIZE}, ${recent('g * 43')} FROM generate_series($2::int, $3::int) AS g`,
    [seed],
  );
  await client.query(
    `INSERT INTO "MemberFollow" ("followerId", "followeeId", "createdAt") SELECT $2::uuid, ${other('g - 1')}, now() - interval '30 days' FROM generate_series(1, ${follows}) AS g`,
    [seed, memberId],
  );
  await client.query(
    `INSERT INTO "MemberFollow" ("followerId", "followeeId", "createdAt") SELECT ${other(`g - 1 + ${follows}`)}, $2::uuid, now() - interval '20 days' FROM generate_series(1, ${follows}) AS g`,
    [seed, memberId],
  );
  await client.query(
    `INSERT INTO "SavedSearch" (id, "memberId", name, filters, "updatedAt", "createdAt")
     SELECT ${uuid('saved-search', 'g')}, $2::uuid, 'Zoekopdracht ' || g, jsonb_build_object('q', 'breuken ' || g), now(), now() - interval '10 days' FROM generate_series(1, ${savedSearches}) AS g`,
    [seed, memberId],
  );

  // Keep the counters the API maintains in step with the seeded rows.
  await client.query(
    `UPDATE "Resource" r SET "favouriteCount" = f.n FROM (SELECT "resourceId", count(*)::int AS n FROM "Favourite" WHERE "memberId" = $1 GROUP BY 1) f WHERE r.id = f."resourceId"`,
    [memberId],
  );
  await client.query(
    `UPDATE "Resource" r SET "ratingCount" = s.n, "ratingSum" = s.total FROM (SELECT "resourceId", count(*)::int AS n, sum(score)::int AS total FROM "Rating" WHERE "memberId" = $1 GROUP BY 1) s WHERE r.id = s."resourceId"`,
    [memberId],
  );
  await client.query(`UPDATE "Resource" r SET "viewCount" = v.n FROM (SELECT "resourceId", count(*)::int AS n FROM "ResourceView" WHERE "memberId" = $1 GROUP BY 1) v WHERE r.id = v."resourceId"`, [memberId]);
  await client.query('ANALYZE');

  return {
    memberId,
    email,
    handle,
    otherMemberIds: Array.from({ length: OTHERS }, (_, i) => seededUuid(seed, 'other', i + 1)),
    ownResourceIds: Array.from({ length: ownResources }, (_, i) => seededUuid(seed, 'own-resource', i + 1)),
    counts,
    extra: { resourcesByOthers: resources, ownResources, folders, conversations, follows, followers: follows, savedSearches, notificationPreferences: 3, profileFieldConsents: 2 },
    rows,
  };
}
