import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let local: TestApp;
let production: TestApp;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-web-'));

beforeAll(async () => {
  // A stand-in for the built web client: the headers of the page shell are what matter here.
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="nl"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
  local = await startTestApp({ WEB_DIST_DIR: webDir });
  production = await startTestApp({ WEB_DIST_DIR: webDir, PUBLIC_URL: 'https://lesplein.example' });
});
afterAll(async () => {
  await local.close();
  await production.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

function directives(header: string | null): Map<string, string> {
  return new Map((header ?? '').split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(/\s+/)[0]!, part.slice(part.indexOf(' ') + 1)]));
}

describe('security headers', () => {
  it.each([
    ['the web client page', '/search'],
    ['an API answer', '/api/taxonomy'],
    ['a problem answer', '/api/does-not-exist'],
  ])('sends a strict policy with %s', async (_name, url) => {
    const response = await local.client().get(url);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    // Plain-http localhost is development: no HSTS (it would pin localhost to https).
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS and upgrade-insecure-requests with an https public URL', async () => {
    const response = await production.client().get('/api/taxonomy');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    expect(directives(response.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
  });

  it('protects the OpenID Connect provider\'s answers too', async () => {
    for (const app of [local, production]) {
      const response = await app.client().get('/oidc/.well-known/openid-configuration');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('strict-transport-security') !== null).toBe(app === production);
    }
  });
});
