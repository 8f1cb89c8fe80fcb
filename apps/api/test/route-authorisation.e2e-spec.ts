/**
 * Authorisation coverage of every route of the running application.
 *
 * Every route Nest registers must be classified in ROUTES below:
 *   public  anyone may call it (the 401 check in platform.e2e-spec.ts lists the same routes);
 *   own     a member's own data, no id of another member's object in the path (the session picks
 *           the data; platform.e2e-spec.ts proves 401 without one);
 *   owned   the path names an object that belongs to a member: `check` builds the request for
 *           member A's object, and this file sends it as member B, expecting 403 or 404 and no
 *           field of A's object in the answer;
 *   staff   moderators and admins only: the role matrix (role-matrix.e2e-spec.ts) covers every
 *           route under /api/moderation/ and /api/admin/, so those are staff unless listed here;
 *   token   authorised by a secret in the request (e-mailed link, Bearer token, interaction
 *           cookie): a made-up secret gets a 4xx here.
 * A route missing from the table, a stale entry, or an owned route whose check does not hit it
 * fails the test by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, moderatorClient, staffMember, type TestMember } from './factories/members.js';
import { createResource, publishedLinkResource, uploadFile } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { authorise, freePort, registerPartner } from './support/oidc-partner.js';
import { appRoutes, matchesTemplate, type AppRoute } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';

let t: TestApp;
beforeAll(async () => {
  // The OpenID Connect issuer is the public URL: the app listens there (a partner consent is one of A's objects).
  const port = await freePort();
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

/** Member A's objects, each carrying a unique marker that must never reach member B. */
interface World {
  marker: string;
  a: TestMember;
  draft: { id: string };
  published: { id: string };
  fileId: string;
  commentId: string;
  folderId: string;
  /** A folder of B's own, to move A's item into. */
  bFolderId: string;
  conversationId: string;
  notificationId: string;
  savedSearchId: string;
  searchHistoryId: string;
  sessionId: string;
  viewId: string;
  exportId: string;
  consentId: string;
  decisionId: string;
}

interface OwnedRequest {
  path: string;
  body?: unknown;
  raw?: { bytes: Buffer; headers: Record<string, string> };
}

type Classification =
  | { kind: 'public' | 'own' | 'staff' }
  | { kind: 'token' }
  | { kind: 'owned'; check: (w: World) => OwnedRequest };

const PUBLIC = { kind: 'public' } as const;
const OWN = { kind: 'own' } as const;
const STAFF = { kind: 'staff' } as const;
const TOKEN = { kind: 'token' } as const;
const owned = (check: (w: World) => OwnedRequest): Classification => ({ kind: 'owned', check });
const reason = 'Verborgen wegens de test';

const ROUTES: Record<string, Classification> = {
  // Operations and the session itself.
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /api/auth/csrf': PUBLIC,
  'POST /api/auth/register': PUBLIC,
  'POST /api/auth/verify-email': TOKEN,
  'POST /api/auth/resend-verification': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/login/second-factor': TOKEN,
  'POST /api/auth/forgot-password': PUBLIC,
  'POST /api/auth/reset-password': TOKEN,
  'POST /api/auth/confirm-email': TOKEN,
  'POST /api/auth/logout': OWN,
  'GET /api/auth/me': OWN,
  // The development mailbox: only without SMTP and outside production (404 otherwise, as here).
  'GET /dev/mailbox': PUBLIC,

  // The member's own account: the session names the member, the path names no one else's object.
  'POST /api/account/2fa/disable': OWN,
  'POST /api/account/2fa/enable': OWN,
  'POST /api/account/2fa/recovery-codes': OWN,
  'POST /api/account/2fa/setup': OWN,
  'GET /api/account/authorisations': OWN,
  'DELETE /api/account/authorisations': OWN,
  'DELETE /api/account/authorisations/{consentId}': owned((w) => ({ path: `/api/account/authorisations/${w.consentId}` })),
  'GET /api/account/authorisations/{consentId}/disclosures': owned((w) => ({ path: `/api/account/authorisations/${w.consentId}/disclosures` })),
  'GET /api/account/authorisations/{consentId}/receipt': owned((w) => ({ path: `/api/account/authorisations/${w.consentId}/receipt` })),
  'GET /api/account/blocks': OWN,
  'GET /api/account/decisions': OWN,
  'POST /api/account/decisions/{id}/appeal': owned((w) => ({ path: `/api/account/decisions/${w.decisionId}/appeal`, body: { text: 'Ik ga niet akkoord met deze beslissing.' } })),
  'POST /api/account/deletion': OWN,
  'POST /api/account/email': OWN,
  'GET /api/account/exports': OWN,
  'POST /api/account/exports': OWN,
  'GET /api/account/exports/{id}': owned((w) => ({ path: `/api/account/exports/${w.exportId}` })),
  'GET /api/account/exports/{id}/download': owned((w) => ({ path: `/api/account/exports/${w.exportId}/download` })),
  'GET /api/account/favourites': OWN,
  'GET /api/account/folders': OWN,
  'GET /api/account/follow-settings': OWN,
  'PUT /api/account/follow-settings': OWN,
  'GET /api/account/login-history': OWN,
  'GET /api/account/my-data': OWN,
  'GET /api/account/notification-preferences': OWN,
  'PUT /api/account/notification-preferences': OWN,
  'POST /api/account/password': OWN,
  'GET /api/account/privacy-policy': OWN,
  'POST /api/account/privacy-policy/acceptances': OWN,
  'GET /api/account/privacy-requests': OWN,
  'GET /api/account/profile': OWN,
  'PATCH /api/account/profile': OWN,
  'GET /api/account/profile-usage': OWN,
  'PATCH /api/account/profile-usage': OWN,
  'PUT /api/account/profile/optional': OWN,
  // {field} names one of the member's own optional profile fields, not an object of someone else.
  'DELETE /api/account/profile/optional/{field}': OWN,
  'PUT /api/account/profile/photo': OWN,
  'GET /api/account/resources': OWN,
  'GET /api/account/saved-searches': OWN,
  'POST /api/account/saved-searches': OWN,
  'PATCH /api/account/saved-searches/{id}': owned((w) => ({ path: `/api/account/saved-searches/${w.savedSearchId}`, body: { name: 'Overgenomen' } })),
  'DELETE /api/account/saved-searches/{id}': owned((w) => ({ path: `/api/account/saved-searches/${w.savedSearchId}` })),
  'GET /api/account/search-history': OWN,
  'DELETE /api/account/search-history': OWN,
  'DELETE /api/account/search-history/{id}': owned((w) => ({ path: `/api/account/search-history/${w.searchHistoryId}` })),
  'GET /api/account/search-history/settings': OWN,
  'PUT /api/account/search-history/settings': OWN,
  'GET /api/account/sessions': OWN,
  'DELETE /api/account/sessions/{id}': owned((w) => ({ path: `/api/account/sessions/${w.sessionId}` })),
  'POST /api/account/sessions/sign-out-others': OWN,
  'GET /api/account/unread': OWN,
  'GET /api/account/upload-limits': OWN,
  'GET /api/account/viewed': OWN,
  'DELETE /api/account/viewed': OWN,
  'DELETE /api/account/viewed/{id}': owned((w) => ({ path: `/api/account/viewed/${w.viewId}` })),
  'GET /api/account/viewed-settings': OWN,
  'PUT /api/account/viewed-settings': OWN,
  'GET /api/feed': OWN,
  'GET /api/notifications': OWN,
  'POST /api/notifications/read-all': OWN,
  'POST /api/notifications/{id}/read': owned((w) => ({ path: `/api/notifications/${w.notificationId}/read` })),
  'POST /api/notifications/unsubscribe': TOKEN,
  'GET /api/account/newsletter': OWN,
  'PUT /api/account/newsletter': OWN,
  'POST /api/newsletter/unsubscribe': TOKEN,
  // Reports and new conversations name their target in the body; the actor's own action.
  'POST /api/reports': OWN,
  'POST /api/messages': OWN,
  'GET /api/conversations': OWN,
  'GET /api/conversations/{id}/messages': owned((w) => ({ path: `/api/conversations/${w.conversationId}/messages` })),
  'POST /api/conversations/{id}/messages': owned((w) => ({ path: `/api/conversations/${w.conversationId}/messages`, body: { body: 'Ingebroken bericht' } })),
  'POST /api/conversations/{id}/read': owned((w) => ({ path: `/api/conversations/${w.conversationId}/read` })),

  // Account deletion link and data protection requests.
  'GET /api/account-deletion/{token}': TOKEN,
  'POST /api/account-deletion/{token}/cancel': TOKEN,
  'POST /api/privacy-requests': PUBLIC,
  'GET /api/privacy-policy': PUBLIC,
  'GET /api/privacy-policy/versions/{version}': PUBLIC,
  'GET /api/sub-processors': PUBLIC,
  'POST /api/analytics/page-views': PUBLIC,
  'GET /api/taxonomy': PUBLIC,

  // Resources: a draft of A's is invisible to B, and only A (or staff) may change it.
  'GET /api/resources': PUBLIC,
  'POST /api/resources': OWN,
  'GET /api/resources/{id}': owned((w) => ({ path: `/api/resources/${w.draft.id}` })),
  'PATCH /api/resources/{id}': owned((w) => ({ path: `/api/resources/${w.draft.id}`, body: { title: 'Overgenomen titel' } })),
  'DELETE /api/resources/{id}': owned((w) => ({ path: `/api/resources/${w.published.id}` })),
  'POST /api/resources/{id}/publish': owned((w) => ({ path: `/api/resources/${w.draft.id}/publish` })),
  'POST /api/resources/{id}/unpublish': owned((w) => ({ path: `/api/resources/${w.published.id}/unpublish` })),
  'POST /api/resources/{id}/hide': owned((w) => ({ path: `/api/resources/${w.published.id}/hide`, body: { reason } })),
  'POST /api/resources/{id}/unhide': owned((w) => ({ path: `/api/resources/${w.published.id}/unhide` })),
  'POST /api/resources/{id}/files': owned((w) => ({
    path: `/api/resources/${w.draft.id}/files`,
    raw: { bytes: Buffer.from('Ingebroken bestand'), headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'b.txt' } },
  })),
  'DELETE /api/resources/{id}/files/{fileId}': owned((w) => ({ path: `/api/resources/${w.draft.id}/files/${w.fileId}` })),
  'GET /api/resources/{id}/files/{fileId}/download': owned((w) => ({ path: `/api/resources/${w.draft.id}/files/${w.fileId}/download` })),
  'GET /api/resources/{id}/files/{fileId}/preview': owned((w) => ({ path: `/api/resources/${w.draft.id}/files/${w.fileId}/preview` })),
  'GET /api/resources/{id}/files/{fileId}/thumbnail': owned((w) => ({ path: `/api/resources/${w.draft.id}/files/${w.fileId}/thumbnail` })),
  'GET /api/resources/{id}/comments': owned((w) => ({ path: `/api/resources/${w.draft.id}/comments` })),
  'POST /api/resources/{id}/comments': owned((w) => ({ path: `/api/resources/${w.draft.id}/comments`, body: { body: 'Reactie op een ontwerp' } })),
  'GET /api/resources/{id}/favourite': owned((w) => ({ path: `/api/resources/${w.draft.id}/favourite` })),
  'PUT /api/resources/{id}/favourite': owned((w) => ({ path: `/api/resources/${w.draft.id}/favourite`, body: {} })),
  'DELETE /api/resources/{id}/favourite': owned((w) => ({ path: `/api/resources/${w.draft.id}/favourite` })),
  'GET /api/resources/{id}/rating': owned((w) => ({ path: `/api/resources/${w.draft.id}/rating` })),
  'PUT /api/resources/{id}/rating': owned((w) => ({ path: `/api/resources/${w.draft.id}/rating`, body: { score: 5 } })),
  'DELETE /api/resources/{id}/rating': owned((w) => ({ path: `/api/resources/${w.draft.id}/rating` })),
  'PATCH /api/comments/{id}': owned((w) => ({ path: `/api/comments/${w.commentId}`, body: { body: 'Overgenomen reactie' } })),
  'DELETE /api/comments/{id}': owned((w) => ({ path: `/api/comments/${w.commentId}` })),
  'POST /api/comments/{id}/hide': owned((w) => ({ path: `/api/comments/${w.commentId}/hide`, body: { reason } })),
  'POST /api/comments/{id}/unhide': owned((w) => ({ path: `/api/comments/${w.commentId}/unhide` })),

  // Folders: A's private folder.
  'POST /api/folders': OWN,
  'GET /api/folders/shared/{token}': TOKEN,
  'GET /api/folders/{id}': owned((w) => ({ path: `/api/folders/${w.folderId}` })),
  'PATCH /api/folders/{id}': owned((w) => ({ path: `/api/folders/${w.folderId}`, body: { name: 'Overgenomen map' } })),
  'DELETE /api/folders/{id}': owned((w) => ({ path: `/api/folders/${w.folderId}` })),
  'POST /api/folders/{id}/copy': owned((w) => ({ path: `/api/folders/${w.folderId}/copy` })),
  'PUT /api/folders/{id}/follow': owned((w) => ({ path: `/api/folders/${w.folderId}/follow`, body: {} })),
  'DELETE /api/folders/{id}/follow': owned((w) => ({ path: `/api/folders/${w.folderId}/follow` })),
  'POST /api/folders/{id}/items': owned((w) => ({ path: `/api/folders/${w.folderId}/items`, body: { resourceId: w.published.id } })),
  'DELETE /api/folders/{id}/items/{resourceId}': owned((w) => ({ path: `/api/folders/${w.folderId}/items/${w.published.id}` })),
  'POST /api/folders/{id}/items/{resourceId}/move': owned((w) => ({ path: `/api/folders/${w.folderId}/items/${w.published.id}/move`, body: { toFolderId: w.bFolderId } })),
  'PUT /api/folders/{id}/items/order': owned((w) => ({ path: `/api/folders/${w.folderId}/items/order`, body: { resourceIds: [w.published.id] } })),
  'POST /api/folders/{id}/share-link': owned((w) => ({ path: `/api/folders/${w.folderId}/share-link` })),

  // Public profiles; follow and block name a public member and act on the actor's own relations.
  'GET /api/members/{handle}': PUBLIC,
  'GET /api/members/{handle}/photo': PUBLIC,
  'GET /api/members/{handle}/activity': PUBLIC,
  'GET /api/members/{handle}/folders': PUBLIC,
  'GET /api/members/{handle}/resources': PUBLIC,
  'GET /api/members/{handle}/followers': PUBLIC,
  'GET /api/members/{handle}/following': PUBLIC,
  'GET /api/members/{handle}/follow': PUBLIC,
  'PUT /api/members/{handle}/follow': OWN,
  'DELETE /api/members/{handle}/follow': OWN,
  'GET /api/members/{handle}/block': OWN,
  'PUT /api/members/{handle}/block': OWN,
  'DELETE /api/members/{handle}/block': OWN,

  // Search.
  'GET /api/search': PUBLIC,
  'GET /api/search/suggest': PUBLIC,

  // Partners: the public directory, the consent screen (the provider's interaction cookie), the partner API (Bearer).
  'GET /api/partners': PUBLIC,
  'GET /api/partners/{id}': PUBLIC,
  'GET /api/partners/{id}/logo': PUBLIC,
  'GET /api/partner-consent/{uid}': TOKEN,
  'GET /api/partner-consent/{uid}/details': TOKEN,
  'POST /api/partner-consent/{uid}/decision': TOKEN,
  'GET /partner-api/v1/me': TOKEN,
  'DELETE /partner-api/v1/me/consent': TOKEN,

  // A suspended member's appeal through the secret link of the statement of reasons.
  'POST /api/moderation/decisions/{id}/appeal-with-token': TOKEN,
};

/** Token routes: a made-up secret, and what the route needs besides. */
const MADE_UP: Record<string, { path: string; body?: unknown; headers?: Record<string, string> }> = {
  'POST /api/auth/verify-email': { path: '/api/auth/verify-email', body: { token: 'a'.repeat(43) } },
  'POST /api/auth/login/second-factor': { path: '/api/auth/login/second-factor', body: { code: '123456' } },
  'POST /api/auth/reset-password': { path: '/api/auth/reset-password', body: { token: 'a'.repeat(43), password: 'Een-Ander-Wachtwoord-9' } },
  'POST /api/auth/confirm-email': { path: '/api/auth/confirm-email', body: { token: 'a'.repeat(43) } },
  'POST /api/notifications/unsubscribe': { path: '/api/notifications/unsubscribe', body: { token: 'a'.repeat(43) } },
  'POST /api/newsletter/unsubscribe': { path: '/api/newsletter/unsubscribe', body: { token: 'a'.repeat(43) } },
  'GET /api/account-deletion/{token}': { path: `/api/account-deletion/${'a'.repeat(43)}` },
  'POST /api/account-deletion/{token}/cancel': { path: `/api/account-deletion/${'a'.repeat(43)}/cancel` },
  'GET /api/folders/shared/{token}': { path: `/api/folders/shared/${'a'.repeat(43)}` },
  'GET /api/partner-consent/{uid}': { path: `/api/partner-consent/${'U'.repeat(21)}` },
  'GET /api/partner-consent/{uid}/details': { path: `/api/partner-consent/${'U'.repeat(21)}/details` },
  'POST /api/partner-consent/{uid}/decision': { path: `/api/partner-consent/${'U'.repeat(21)}/decision`, body: { approve: true, scopes: ['openid'] } },
  'GET /partner-api/v1/me': { path: '/partner-api/v1/me', headers: { authorization: `Bearer ${'a'.repeat(43)}` } },
  'DELETE /partner-api/v1/me/consent': { path: '/partner-api/v1/me/consent', headers: { authorization: `Bearer ${'a'.repeat(43)}` } },
  'POST /api/moderation/decisions/{id}/appeal-with-token': {
    path: '/api/moderation/decisions/00000000-0000-4000-8000-000000000000/appeal-with-token',
    body: { token: 'a'.repeat(64), text: 'Ik ga niet akkoord met deze beslissing.' },
  },
};

const STAFF_PREFIXES = ['/api/moderation/', '/api/admin/'];

/** A route's class: its entry in ROUTES, or staff for a route under the role matrix's prefixes. */
function classify(route: AppRoute): Classification | undefined {
  return ROUTES[route.key] ?? (STAFF_PREFIXES.some((p) => route.template.startsWith(p)) ? STAFF : undefined);
}

async function ok(response: Promise<{ status: number; text: string; body: unknown }>, what: string) {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body as Record<string, unknown>;
}

/** Member A's objects of every kind, made through the API (and the OpenID Connect flow for a consent). */
async function buildWorld(a: { member: TestMember; client: HttpClient }, b: HttpClient): Promise<World> {
  const marker = `geheim${Math.random().toString(36).slice(2, 10)}`;
  const { client } = a;
  const c = await memberWithClient(t);
  const draft = await createResource(client, { title: `Ontwerp ${marker}`, description: `Beschrijving ${marker}` });
  const published = await publishedLinkResource(client, { title: `Gepubliceerd ${marker}`, description: `Beschrijving ${marker}` });
  const file = await uploadFile(client, draft.id, `${marker}.txt`, Buffer.from(`Inhoud ${marker}`));
  if (file.status !== 201) throw new Error(`upload: ${file.status} ${file.text}`);
  const comment = await ok(client.post(`/api/resources/${published.id}/comments`, { body: `Reactie ${marker}` }), 'comment');
  const folder = await ok(client.post('/api/folders', { name: `Map ${marker}`, description: `Over ${marker}`, visibility: 'private' }), 'folder');
  await ok(client.post(`/api/folders/${String(folder.id)}/items`, { resourceId: published.id }), 'folder item');
  const bFolder = await ok(b.post('/api/folders', { name: 'Map van B', visibility: 'private' }), 'B folder');
  const started = await ok(client.post('/api/messages', { to: c.member.handle, body: `Bericht ${marker}` }), 'message');
  // C's reply notifies A.
  await ok(c.client.post(`/api/resources/${published.id}/comments`, { body: 'Mooi werk', parentId: comment.id }), 'reply');
  const notifications = await ok(client.get('/api/notifications'), 'notifications');
  const saved = await ok(client.post('/api/account/saved-searches', { name: `Zoekopdracht ${marker}`, filters: { q: marker }, alert: false }), 'saved search');
  await ok(client.get(`/api/search?q=${marker}`), 'search');
  const history = await ok(client.get('/api/account/search-history'), 'search history');
  const sessions = await ok(client.get('/api/account/sessions'), 'sessions');
  // A views a resource of C's (own resources are not in the viewing history).
  const cResource = await publishedLinkResource(c.client, { title: 'Een les van C' });
  await ok(client.get(`/api/resources/${cResource.id}`), 'view');
  const viewed = await ok(client.get('/api/account/viewed'), 'viewed');
  const exported = await ok(client.post('/api/account/exports'), 'export');
  const admin = await staffMember(t, 'admin');
  const { config } = await registerPartner(t, admin.client);
  await authorise(config, client, ['openid', 'profile']);
  const authorisations = await ok(client.get('/api/account/authorisations'), 'authorisations');
  const moderator = await moderatorClient(t);
  const decision = await ok(
    moderator.post('/api/moderation/decisions', { targetType: 'resource', targetId: published.id, action: 'warn', reasons: `Waarschuwing over ${marker}`, ground: 'Gebruiksvoorwaarden 4.2' }),
    'decision',
  );
  const first = <T>(value: unknown, what: string): T => {
    const list = value as T[] | undefined;
    if (!list?.[0]) throw new Error(`No ${what} for member A`);
    return list[0];
  };
  return {
    marker,
    a: a.member,
    draft,
    published,
    fileId: String((file.body as { id: string }).id),
    commentId: String(comment.id),
    folderId: String(folder.id),
    bFolderId: String(bFolder.id),
    conversationId: String(started.conversationId),
    notificationId: first<{ id: string }>(notifications.items, 'notification').id,
    savedSearchId: String(saved.id),
    searchHistoryId: first<{ id: string }>(history.items, 'search history entry').id,
    sessionId: first<{ id: string; current: boolean }>((sessions.items as Array<{ id: string; current: boolean }>).filter((s) => s.current), 'current session').id,
    viewId: first<{ id: string }>(viewed.items, 'viewing history entry').id,
    exportId: String(exported.id),
    consentId: first<{ consentId: string }>(authorisations.active, 'consent').consentId,
    decisionId: String(decision.id),
  };
}

describe('authorisation of every route', () => {
  let routes: AppRoute[];
  beforeAll(() => {
    routes = appRoutes(t.app);
  });

  it('classifies every route of the application, and only routes that exist', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const known = new Set(routes.map((r) => r.key));
    const unclassified = routes.filter((r) => classify(r) === undefined).map((r) => r.key);
    const stale = Object.keys(ROUTES).filter((key) => !known.has(key));
    expect(unclassified, 'classify these routes in ROUTES (route-authorisation.e2e-spec.ts)').toEqual([]);
    expect(stale, 'these classified routes do not exist').toEqual([]);
    // The OpenAPI document lists no route the router does not know.
    const document = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([template, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${template}`));
    expect(documented.filter((key) => !known.has(key))).toEqual([]);
  });

  it('leaves staff routes to the role matrix, which covers every route under /api/moderation/ and /api/admin/', () => {
    const misplaced = routes.filter((r) => classify(r)?.kind === 'staff' && !STAFF_PREFIXES.some((p) => r.template.startsWith(p))).map((r) => r.key);
    expect(misplaced, 'staff-only routes outside the role matrix need an owned check instead').toEqual([]);
    expect(routes.filter((r) => classify(r)?.kind === 'staff').length).toBeGreaterThan(30);
  });

  it('refuses a made-up secret on every token route (4xx, never 5xx)', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => classify(r)?.kind === 'token')) {
      const request = MADE_UP[route.key];
      if (!request) {
        failures.push(`${route.key}: no request with a made-up secret in MADE_UP`);
        continue;
      }
      const response = await t.client().request(route.method, request.path, request.body ?? (route.method === 'GET' ? undefined : {}), request.headers ? { headers: request.headers } : {});
      if (response.status < 400 || response.status >= 500) failures.push(`${route.key}: ${response.status} ${response.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("gives another member 403 or 404 and nothing of member A's object on every owned route", async () => {
    const a = await memberWithClient(t);
    const b = await memberWithClient(t);
    const world = await buildWorld(a, b.client);
    const failures: string[] = [];
    const owned = routes.filter((r) => classify(r)?.kind === 'owned');
    expect(owned.length).toBeGreaterThan(40);
    for (const route of owned) {
      const classification = classify(route)!;
      if (classification.kind !== 'owned') continue;
      let request: OwnedRequest;
      try {
        request = classification.check(world);
      } catch (error) {
        failures.push(`${route.key}: its check could not be built (${String(error)})`);
        continue;
      }
      if (!matchesTemplate(route.template, request.path)) {
        failures.push(`${route.key}: its check requests ${request.path}, another route`);
        continue;
      }
      const response = request.raw
        ? await b.client.request(route.method, request.path, undefined, { raw: request.raw.bytes, headers: request.raw.headers })
        : await b.client.request(route.method, request.path, request.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}));
      if (response.status !== 403 && response.status !== 404) failures.push(`${route.key}: ${response.status} for another member ${response.text.slice(0, 200)}`);
      else if (response.text.includes(world.marker)) failures.push(`${route.key}: the answer shows member A's data`);
    }
    expect(failures).toEqual([]);

    // Nothing of A's was changed or removed by B's attempts.
    expect((await a.client.get(`/api/resources/${world.draft.id}`)).body.title).toContain(world.marker);
    expect((await a.client.get(`/api/resources/${world.published.id}`)).body.state).toBe('published');
    expect((await a.client.get(`/api/folders/${world.folderId}`)).body.name).toContain(world.marker);
    expect((await a.client.get('/api/account/saved-searches')).text).toContain(world.marker);
    expect((await a.client.get('/api/account/sessions')).status).toBe(200);
    expect((await a.client.get(`/api/conversations/${world.conversationId}/messages`)).text).toContain(world.marker);
    expect((await a.client.get('/api/account/authorisations')).body.active).toHaveLength(1);
  });
});
