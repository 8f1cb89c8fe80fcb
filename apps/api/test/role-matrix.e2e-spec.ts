import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, staffMember } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(() => t.close());

const SAMPLE: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', handle: 'iemand', key: 'bestaat-niet' };
/** Routes a signed-out visitor may call on purpose (see platform.e2e-spec.ts). */
const PUBLIC = new Set(['POST /api/moderation/decisions/{id}/appeal-with-token']);

interface Route {
  method: string;
  path: string;
  key: string;
}

async function moderationAndAdminRoutes(): Promise<Route[]> {
  const document = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .filter(([template]) => template.startsWith('/api/moderation/') || template.startsWith('/api/admin/'))
    .flatMap(([template, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), key: `${method.toUpperCase()} ${template}`, path: template.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x') })),
    );
}

const send = (client: HttpClient, route: Route) => client.request(route.method, route.path, route.method === 'GET' ? undefined : {});

describe('role matrix of every moderation and administration route', () => {
  it('gives visitors 401, members 403, moderators the moderation routes (the ban list only with its right), admins everything, and never a 5xx', async () => {
    const routes = await moderationAndAdminRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const clients = {
      visitor: t.client(),
      member: (await memberWithClient(t)).client,
      moderator: (await staffMember(t, 'moderator')).client,
      moderatorWithBanListRight: (await staffMember(t, 'moderator', true)).client,
      admin: (await staffMember(t, 'admin')).client,
    };
    const failures: string[] = [];
    for (const route of routes) {
      const banList = route.path.startsWith('/api/moderation/ban-list');
      const adminOnly = route.path.startsWith('/api/admin/');
      const expectations: Record<keyof typeof clients, 'refused401' | 'refused403' | 'allowed'> = {
        visitor: PUBLIC.has(route.key) ? 'allowed' : 'refused401',
        member: PUBLIC.has(route.key) ? 'allowed' : 'refused403',
        moderator: adminOnly || banList ? 'refused403' : 'allowed',
        moderatorWithBanListRight: adminOnly ? 'refused403' : 'allowed',
        admin: 'allowed',
      };
      for (const [who, client] of Object.entries(clients) as [keyof typeof clients, HttpClient][]) {
        const { status } = await send(client, route);
        const expected = expectations[who];
        const ok = status < 500 && (expected === 'refused401' ? status === 401 : expected === 'refused403' ? status === 403 : status !== 401 && status !== 403);
        if (!ok) failures.push(`${route.key} as ${who}: ${status} (expected ${expected})`);
      }
    }
    expect(failures).toEqual([]);
  });
});
