/// <reference types="node" />
// Helpers shared by the browser tests: a fresh browser profile that records what the API
// answered, a wrapper that adds that record to a failure, axe checks, log-in (with the 2FA
// set-up moderators and admins need first), an API call in the page's session, a generated PNG.
import zlib from 'node:zlib';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { generate } from 'otplib';

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  errors: string[];
  /** Every API answer (method, path, status, start of the body), for the failure report. */
  apiCalls: string[];
}

/** A fresh browser profile (cookies, storage) with Dutch as the browser language. */
export async function newTestPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'nl-BE', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    const request = response.request();
    const type = response.headers()['content-type'] ?? '';
    const body = type.includes('json') ? response.text().catch(() => '') : Promise.resolve(`(${type || 'no content type'})`);
    void body.then((text) => apiCalls.push(`${request.method()} ${new URL(response.url()).pathname} → ${response.status()} ${text.slice(0, 500)}`));
  });
  return { context, page, errors, apiCalls };
}

/** Runs a browser scenario; on failure the error also says where the page was and what the API answered. */
export async function scenario(tp: TestPage, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const main = await tp.page.locator('main').innerText({ timeout: 2_000 }).catch(() => '(no main)');
    const report = [
      `URL: ${tp.page.url()}`,
      `Main content:\n${main.slice(0, 1_500)}`,
      `API requests:\n${tp.apiCalls.join('\n') || '(none)'}`,
      `Page errors:\n${tp.errors.join('\n') || '(none)'}`,
    ].join('\n\n');
    if (error instanceof Error) error.message = `${error.message}\n\n${report}`;
    throw error;
  } finally {
    await tp.context.close();
  }
}

/** Fills in and sends the log-in form; waits for nothing after that (callers wait for their page). */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

/**
 * On the security page: turns on two-step verification with a TOTP code computed from the
 * secret shown, and waits for the recovery codes. Returns the secret (without spaces).
 */
export async function setUpTwoFactor(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
  const secret = (await page.getByLabel('Geheime sleutel').inputValue()).replace(/\s+/g, '');
  await page.getByLabel('Code', { exact: true }).fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Tweestapsverificatie inschakelen' }).click();
  await page.getByRole('region', { name: 'Je herstelcodes' }).waitFor();
  return secret;
}

/**
 * First log-in of a moderator or admin: the API sends them to the security page until 2FA is
 * on, so this logs in, waits for that page and sets up 2FA there. Returns the TOTP secret.
 */
export async function logInAndSetUpTwoFactor(page: Page, baseUrl: string, email: string, password: string): Promise<string> {
  await logIn(page, baseUrl, email, password);
  await page.getByRole('heading', { name: 'Beveiliging', level: 1 }).waitFor();
  return setUpTwoFactor(page);
}

/**
 * An API call in the page's session (its cookies, with a fresh CSRF token), for setting up data
 * or reading it back. Expects a status below 300 (the failure shows the body); returns the JSON.
 * `data` is sent as the JSON body when given.
 */
export async function apiCall<T = unknown>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const { token } = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { token: string };
  const response = await page.request.fetch(`${baseUrl}${path}`, { method, ...(data === undefined ? {} : { data }), headers: { 'x-csrf-token': token } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A small valid PNG (solid colour), generated so the tests need no binary fixture. */
export function pngImage(size = 32, rgb: [number, number, number] = [11, 92, 85]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from(rgb))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

export interface AxeCheckOptions {
  /** Which violations fail the check: 'serious' (default) only serious and critical ones, 'any' every one. */
  impact?: 'serious' | 'any';
}

/**
 * Runs axe with the WCAG 2.1 A/AA rules on the page as it is and expects no violations: by
 * default none that is serious or critical; with `{ impact: 'any' }` none of any impact.
 * `label` names the page (or dialog) in the failure, which lists each rule and its elements.
 */
export async function expectNoAxeViolations(page: Page, label: string, options: AxeCheckOptions = {}): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const failing = options.impact === 'any' ? results.violations : results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = failing.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(report, `axe on ${label}`).toEqual([]);
}
