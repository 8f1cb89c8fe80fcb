/// <reference types="node" />
// The cookie choice and the page-view counter in a real browser against the real API (built):
// a first-time visitor sees the labelled choice; nothing is counted until they allow statistics
// with the keyboard; then each page is counted under its route pattern by a request that carries
// no cookie; "Cookie-instellingen" in the footer reopens the choice (with focus) and "necessary
// only" stops the counting. The admin sees the counts, small ones suppressed. Axe (no violation
// of any impact) with the banner open and on the admin page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { expectNoAxeViolations, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const ADMIN = 'admin@demo.lesplein.test';

useDemoStack();

const isPageView = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/analytics/page-views';

describe('cookie choice and page-view counter', () => {
  it('counts nothing before consent, counts route patterns without cookies after it, and can be changed from the footer', async () => {
    const visitor = await newTestPage(browser);
    await scenario(visitor, async () => {
      const page = visitor.page;
      const counted: Request[] = [];
      page.on('request', (request) => {
        if (isPageView(request)) counted.push(request);
      });

      await page.goto(`${stack.baseUrl}/`);
      const banner = page.getByRole('region', { name: 'Cookies en statistieken' });
      await banner.waitFor();
      await expectNoAxeViolations(page, '/ with the cookie choice', { impact: 'any' });

      // Browsing before choosing counts nothing.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring en cookies' }).click();
      await page.getByRole('heading', { name: 'Privacyverklaring', level: 1, exact: true }).waitFor();
      await page.getByRole('table', { name: 'Cookies en browseropslag van Lesplein' }).getByRole('rowheader', { name: 'lesplein.consent' }).waitFor();
      expect(counted).toHaveLength(0);

      // Allow statistics with the keyboard.
      await banner.getByRole('button', { name: 'Alleen noodzakelijke' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await banner.waitFor({ state: 'detached' });
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem('lesplein.consent'))) ?? '{}')).toMatchObject({ analytics: true });

      // The next page is counted under its pattern, by a request without cookies.
      const next = page.waitForRequest(isPageView);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Contact en privacyverzoeken' }).click();
      const request = await next;
      expect(request.postDataJSON()).toEqual({ route: '/contact' });
      expect((await request.allHeaders()).cookie).toBeUndefined();
      expect((await request.response())?.status()).toBe(204);

      // Reopened from the footer, the choice takes focus and says what was chosen.
      await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie-instellingen' }).click();
      await banner.getByText('Je koos eerder: statistieken toegestaan.').waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('consent-title');
      await banner.getByRole('button', { name: 'Alleen noodzakelijke' }).click();
      await banner.waitFor({ state: 'detached' });
      const before = counted.length;
      await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring en cookies' }).click();
      await page.getByRole('heading', { name: 'Privacyverklaring', level: 1, exact: true }).waitFor();
      expect(counted).toHaveLength(before);
      expect(visitor.errors).toEqual([]);
    });

    const admin = await newTestPage(browser);
    await scenario(admin, async () => {
      const page = admin.page;
      await logInAndSetUpTwoFactor(page, stack.baseUrl, ADMIN, DEMO_PASSWORD);
      await page.goto(`${stack.baseUrl}/admin`);
      await page.getByRole('main').getByRole('link', { name: 'Paginabezoeken', exact: true }).click();
      await page.getByRole('heading', { name: 'Paginabezoeken', level: 1 }).waitFor();
      const byRoute = page.getByRole('region', { name: 'Per soort pagina' });
      const row = byRoute.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '/contact', exact: true }) });
      // One view: suppressed. (The figures load after the heading: wait for the row first.)
      await row.waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(['<10']);
      await expectNoAxeViolations(page, '/admin/analytics', { impact: 'any' });
      expect(admin.errors).toEqual([]);
    });
  });
});
