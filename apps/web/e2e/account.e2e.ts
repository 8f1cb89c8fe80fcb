/// <reference types="node" />
// Member accounts in a real browser against the real API (built), a real SMTP listener and an
// embedded PostgreSQL: register → confirm by mail → log in → turn on two-step verification →
// log out → log in with a TOTP code. Plus axe checks and the log-in redirect for /account/*.
//
// Every wait is on a condition (a heading, a mail, a URL); the only timed wait is for the next
// 30-second TOTP window, computed from the clock, because the API refuses a code twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { generate } from 'otplib';
import { linkIn, startStack, type Stack } from './support/stack.js';
import { launchChromium } from './support/browser.js';

const TOTP_PERIOD_SECONDS = 30;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  errors: string[];
  /** Every API answer (method, path, status, start of the body), for the failure report. */
  apiCalls: string[];
}

/** A fresh browser profile (cookies, storage) with Dutch as the browser language. */
async function newPage(): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'nl-BE' });
  const page = await context.newPage();
  const errors: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    const request = response.request();
    void response
      .text()
      .catch(() => '')
      .then((body) => apiCalls.push(`${request.method()} ${new URL(response.url()).pathname} → ${response.status()} ${body.slice(0, 500)}`));
  });
  return { context, page, errors, apiCalls };
}

/** Runs a browser scenario; on failure the error also says where the page was and what the API answered. */
async function scenario(tp: TestPage, run: () => Promise<void>): Promise<void> {
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

function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

const step = (epochSeconds: number) => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
const nowSeconds = () => Date.now() / 1000;

/** Waits until the clock is in a later TOTP window than `usedStep` (the API refuses reuse). */
async function waitForTotpStepAfter(usedStep: number): Promise<void> {
  const nextWindowStartsAt = (usedStep + 1) * TOTP_PERIOD_SECONDS * 1000;
  const wait = nextWindowStartsAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 250));
}

async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(report, `axe on ${label}`).toEqual([]);
}

describe('member account', () => {
  it('registers, confirms the address, turns on 2FA and logs in with a TOTP code', async () => {
    const tp = await newPage();
    const { page, errors } = tp;
    await scenario(tp, async () => {
      const email = uniqueEmail('an');
      const password = 'krijtbord-en-passer-42';

      // Register.
      await page.goto(`${stack.baseUrl}/register`);
      await page.getByLabel('Voornaam').fill('An');
      await page.getByLabel('Familienaam').fill('Peeters');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Registreren', exact: true }).click();
      await page.getByRole('heading', { name: 'Bevestig je e-mailadres' }).waitFor();

      // Open the verification link from the mail.
      const mail = await stack.mail.waitFor(email, /Bevestig je e-mailadres/, 30_000);
      await page.goto(linkIn(mail.text, '/verify-email?token='));
      await page.getByText('Je e-mailadres is bevestigd').waitFor();
      await page.getByRole('link', { name: 'Naar aanmelden' }).click();

      // Log in with the password only.
      await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.getByText('Aangemeld als An Peeters').waitFor();

      // The profile page: checked by axe while we are here.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' }).click();
      await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Profiel opslaan' }).waitFor();
      await expectNoSeriousAxeViolations(page, '/account/profile');

      // Turn on two-step verification with a code computed from the secret shown on the page.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beveiliging' }).click();
      await page.getByRole('heading', { name: 'Beveiliging', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
      const secretField = page.getByLabel('Geheime sleutel');
      await secretField.waitFor();
      await page.getByRole('img', { name: /QR-code/ }).waitFor();
      const secret = (await secretField.inputValue()).replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await expectNoSeriousAxeViolations(page, '/account/security (2FA set-up)');

      const enableEpoch = nowSeconds();
      const enableCode = await generate({ secret, epoch: Math.floor(enableEpoch) });
      await page.getByLabel('Code', { exact: true }).fill(enableCode);
      await page.getByRole('button', { name: 'Tweestapsverificatie inschakelen' }).click();
      const codes = page.getByRole('region', { name: 'Je herstelcodes' });
      await codes.waitFor();
      const recoveryCodes = await codes.getByRole('listitem').allTextContents();
      expect(recoveryCodes.length).toBeGreaterThan(0);
      for (const code of recoveryCodes) expect(code.trim()).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/i);
      await page.getByText('Tweestapsverificatie staat aan.').waitFor();
      await page.getByRole('button', { name: 'Ik heb mijn codes bewaard' }).click();

      // Log out.
      await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
      await page.getByText('Je bent afgemeld.').waitFor();
      const me = await page.request.get(`${stack.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);

      // Log in again: now a second step asks for the code.
      await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).click();
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
      const codeField = page.getByLabel('Code', { exact: true });
      expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');

      await waitForTotpStepAfter(step(enableEpoch));
      const loginCode = await generate({ secret, epoch: Math.floor(nowSeconds()) });
      expect(loginCode).not.toBe(enableCode);
      await codeField.fill(loginCode);
      await page.getByRole('button', { name: 'Bevestigen' }).click();

      // Signed in.
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.getByText('Aangemeld als An Peeters').waitFor();
      const after = await page.request.get(`${stack.baseUrl}/api/auth/me`);
      expect(after.status()).toBe(200);
      expect(await after.json()).toMatchObject({ email, firstName: 'An', twoFactorEnabled: true });

      expect(errors, 'uncaught errors in the page').toEqual([]);
    });
  });

  it('sends signed-out visitors of /account/* to the log-in page', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.baseUrl}/account/security`);
    await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account/security');
    await context.close();
  });
});

describe('accessibility and language', () => {
  for (const [path, heading] of [
    ['/', 'Leermiddelen delen met collega\'s'],
    ['/register', 'Registreren'],
    ['/login', 'Aanmelden'],
  ] as const) {
    it(`has no serious or critical axe violations on ${path}`, async () => {
      const { context, page, errors } = await newPage();
      await page.goto(`${stack.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expectNoSeriousAxeViolations(page, path);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('switches to English and remembers the choice', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
    const english = page.getByRole('button', { name: /^EN/ });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoSeriousAxeViolations(page, '/login (English)');
    await page.reload();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
