// The references of the API benchmark: a bare Fastify server that answers the same two
// endpoints as the API with the same database work and the API's own response mappers, but
// without Nest, guards, rate limiting, validation pipes, security headers or logging.
//
//   tsx bench/api/bare-server.ts --mode pg|prisma --port N --database-url URL
//
// GET /api/resources/:id — a resource that is not removed, with its author's name, its files in
// order, its subjects and levels; readable anonymously only when published (ResourcePolicy for a
// visitor), and then its view is counted (UPDATE … viewCount + 1, updatedAt, as Prisma's
// updateMany does for the API). GET /api/resources?limit&cursor — the latest published resources,
// keyset-paginated on (publishedAt, id) descending, limit + 1 rows fetched (default page 20).
//   mode pg:     one SQL statement per read (joins and json_agg), through a `pg` pool of 10;
//   mode prisma: the API's Prisma client over the same driver adapter and pool size, with the
//                repository's own include (four queries per read, as Prisma issues them).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import Fastify from 'fastify';
import pg from 'pg';
import { decodeCursor, pageOf, type Cursor } from '../../apps/api/src/core/pagination/cursor.js';
import { PrismaClient, type Prisma } from '../../apps/api/src/generated/prisma/client.js';
import { toResourceDetail, toResourceSummary } from '../../apps/api/src/modules/resources/resource.mapper.js';
import type { ResourceRow } from '../../apps/api/src/modules/resources/resources.repository.js';

const { values } = parseArgs({
  options: { mode: { type: 'string', default: 'pg' }, port: { type: 'string' }, 'database-url': { type: 'string' }, 'public-url': { type: 'string', default: 'http://localhost:3000' } },
  strict: true,
});
const mode = values.mode;
if ((mode !== 'pg' && mode !== 'prisma') || !values.port || !values['database-url']) {
  console.error('Usage: tsx bench/api/bare-server.ts --mode pg|prisma --port N --database-url URL');
  process.exit(2);
}
const databaseUrl = values['database-url'];
const publicUrl = values['public-url']!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Prisma reads timestamp(3) columns as UTC; so must pg here.
pg.types.setTypeParser(1114, (text: string) => new Date(`${text.replace(' ', 'T')}Z`));

// ResourcesRepository's include (resourceDetailInclude), repeated here because importing the
// repository would load Nest's dependency injection into the bare server.
const resourceDetailInclude = {
  author: { select: { handle: true, firstName: true, lastName: true } },
  files: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
  subjects: { select: { subjectKey: true }, orderBy: { subjectKey: 'asc' } },
  levels: { select: { levelKey: true }, orderBy: { levelKey: 'asc' } },
} satisfies Prisma.ResourceInclude;

interface Store {
  detail(id: string): Promise<ResourceRow | null>;
  countView(id: string): Promise<void>;
  latest(cursor: Cursor | undefined, take: number): Promise<ResourceRow[]>;
}

// The resource with everything the detail and the summary show, in one statement.
const SELECT_ROW = `
  SELECT r.*,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('handle', a.handle, 'firstName', a."firstName", 'lastName', a."lastName") END AS author,
         COALESCE((SELECT json_agg(f ORDER BY f.position, f."createdAt") FROM "ResourceFile" f WHERE f."resourceId" = r.id), '[]') AS files,
         COALESCE((SELECT json_agg(json_build_object('subjectKey', s."subjectKey") ORDER BY s."subjectKey") FROM "ResourceSubject" s WHERE s."resourceId" = r.id), '[]') AS subjects,
         COALESCE((SELECT json_agg(json_build_object('levelKey', l."levelKey") ORDER BY l."levelKey") FROM "ResourceLevel" l WHERE l."resourceId" = r.id), '[]') AS levels
  FROM "Resource" r LEFT JOIN "Member" a ON a.id = r."authorId"`;

function pgStore(): Store {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return {
    async detail(id) {
      const { rows } = await pool.query<ResourceRow>(`${SELECT_ROW} WHERE r.id = $1 AND r.state <> 'removed' LIMIT 1`, [id]);
      return rows[0] ?? null;
    },
    async countView(id) {
      await pool.query(`UPDATE "Resource" SET "viewCount" = "viewCount" + 1, "updatedAt" = now() WHERE id = $1`, [id]);
    },
    async latest(cursor, take) {
      const { rows } = cursor
        ? await pool.query<ResourceRow>(
            `${SELECT_ROW} WHERE r.state = 'published' AND (r."publishedAt" < $1 OR (r."publishedAt" = $1 AND r.id < $2)) ORDER BY r."publishedAt" DESC, r.id DESC LIMIT $3`,
            [cursor.at, cursor.id, take],
          )
        : await pool.query<ResourceRow>(`${SELECT_ROW} WHERE r.state = 'published' ORDER BY r."publishedAt" DESC, r.id DESC LIMIT $1`, [take]);
      return rows;
    },
  };
}

function prismaStore(): Store {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 }) });
  return {
    detail: (id) => prisma.resource.findFirst({ where: { id, state: { not: 'removed' } }, include: resourceDetailInclude }),
    async countView(id) {
      await prisma.resource.updateMany({ where: { id }, data: { viewCount: { increment: 1 } } });
    },
    latest: (cursor, take) =>
      prisma.resource.findMany({
        where: { state: 'published', ...(cursor ? { OR: [{ publishedAt: { lt: cursor.at } }, { publishedAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        take,
        include: resourceDetailInclude,
      }),
  };
}

const store = mode === 'pg' ? pgStore() : prismaStore();
const app = Fastify({ logger: false });
const notFound = { status: 404, code: 'not_found', detail: 'Resource not found.' };

app.get('/health/ready', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/api/resources/:id', async (request, reply) => {
  const { id } = request.params;
  if (!UUID.test(id)) return reply.status(400).send({ status: 400, code: 'validation_failed' });
  const row = await store.detail(id);
  // A visitor reads published resources only (ResourcePolicy.canRead without an actor).
  if (!row || row.state !== 'published') return reply.status(404).send(notFound);
  await store.countView(id);
  row.viewCount += 1;
  return toResourceDetail(row, undefined, publicUrl);
});

app.get<{ Querystring: { cursor?: string; limit?: string } }>('/api/resources', async (request, reply) => {
  const limit = request.query.limit === undefined ? 20 : Number(request.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return reply.status(400).send({ status: 400, code: 'validation_failed' });
  const rows = await store.latest(decodeCursor(request.query.cursor), limit + 1);
  const page = pageOf(rows, limit, (row) => ({ at: row.publishedAt ?? row.createdAt, id: row.id }));
  return { items: page.items.map(toResourceSummary), nextCursor: page.nextCursor };
});

await app.listen({ port: Number(values.port), host: '127.0.0.1' });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
