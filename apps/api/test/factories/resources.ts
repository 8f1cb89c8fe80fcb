import type { CreateResourceRequest } from '@lesplein/contracts/resource';
import type { HttpClient } from '../support/http-client.js';

/** A draft resource created through the API by the signed-in member. */
export async function createResource(client: HttpClient, overrides: Partial<CreateResourceRequest> = {}) {
  const response = await client.post('/api/resources', {
    title: 'Breuken oefenen',
    description: 'Oefeningen op **breuken** voor het vierde leerjaar.',
    type: 'worksheet',
    licence: 'CC-BY-SA',
    subjects: ['wiskunde'],
    levels: ['lager-4'],
    ageMin: 9,
    ageMax: 10,
    keywords: ['breuken', 'rekenen'],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`createResource: ${response.status} ${response.text}`);
  return response.body as { id: string; state: string };
}

/** Uploads a file to a resource as the raw body, like the web client does. */
export function uploadFile(client: HttpClient, resourceId: string, name: string, bytes: Buffer) {
  return client.post(`/api/resources/${resourceId}/files`, undefined, {
    raw: bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
  });
}

/** A published resource with a web link. */
export async function publishedLinkResource(client: HttpClient, overrides: Partial<CreateResourceRequest> = {}) {
  const resource = await createResource(client, { type: 'website', link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', ...overrides });
  const published = await client.post(`/api/resources/${resource.id}/publish`);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return published.body as { id: string; state: string };
}
