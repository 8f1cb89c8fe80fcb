// Self-test of the browser-test harness (not of a feature): the built API starts with its own
// PostgreSQL, Chromium renders the web client it serves, and mail the API sends reaches the
// SMTP listener with links that point at this stack. If this fails, every other spec would.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsrfResponse, RegisterRequest } from '@lesplein/contracts/auth';
import { launchChromium } from './browser.js';
import { linkIn, startStack, type Stack } from './stack.js';

describe('browser-test harness', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the web client to Chromium', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(stack.baseUrl);
    expect(response?.status()).toBe(200);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('delivers the API’s mail to the SMTP listener, with links to this stack', async () => {
    const context = await browser.newContext({ baseURL: stack.baseUrl });
    const { token } = (await (await context.request.get('/api/auth/csrf')).json()) as CsrfResponse;
    const email = `harness-${randomUUID()}@example.org`;
    const body: RegisterRequest = { email, password: `Harness-${randomUUID()}`, firstName: 'Harness', lastName: 'Test' };
    const registered = await context.request.post('/api/auth/register', { data: body, headers: { 'x-csrf-token': token } });
    expect(registered.ok(), await registered.text()).toBe(true);

    const mail = await stack.mail.waitFor(email, /./);
    expect(linkIn(mail.text, stack.baseUrl).startsWith(`${stack.baseUrl}/`)).toBe(true);
    await context.close();
  });
});
