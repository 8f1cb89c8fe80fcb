/// <reference types="node" />
// The privacy statement in a real browser against the real API (built) with the demo members.
// The admin (2FA set up first) opens "Privacyverklaring" from the administration overview and
// publishes a substantial version; a visitor reads it on /privacy (with the cookies table) and
// the version's own page; An logs in, is sent to the acceptance page before anything else, can
// read what changed, accepts with the keyboard and is back where she wanted to go. Axe (no
// violation of any impact) on every page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { MyPolicyStatus } from '@lesplein/contracts/privacy-policy';
import { apiCall, expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const ADMIN = 'admin@demo.lesplein.test';

useDemoStack();

describe('privacy statement', () => {
  it('admin publishes a substantial version; a visitor reads it; a member must accept it at log-in', async () => {
    const admin = await newTestPage(browser);
    await scenario(admin, async () => {
      const page = admin.page;
      await logInAndSetUpTwoFactor(page, stack.baseUrl, ADMIN, DEMO_PASSWORD);
      await page.goto(`${stack.baseUrl}/admin`);
      await page.getByRole('main').getByRole('link', { name: 'Privacyverklaring', exact: true }).click();
      await page.getByRole('heading', { name: 'Privacyverklaring', level: 1, exact: true }).waitFor();
      await page.getByText('Nog geen versies gepubliceerd.').waitFor();
      await expectNoAxeViolations(page, '/admin/privacy-policy', { impact: 'any' });

      // An empty form is refused with messages at the fields.
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await expect(page.getByLabel('Tekst (Nederlands)').getAttribute('aria-invalid')).resolves.toBe('true');

      await page.getByLabel('Tekst (Nederlands)').fill('# Privacyverklaring\n\nWe bewaren je **e-mailadres** om je account te beheren.');
      await page.getByLabel('Tekst (Engels)').fill('# Privacy statement\n\nWe keep your **e-mail address** to run your account.');
      await page.getByLabel('Wat veranderde (Nederlands)').fill('Nieuwe e-maildienst als verwerker.');
      await page.getByLabel('Wat veranderde (Engels)').fill('New e-mail service as processor.');
      await page.getByLabel('Belangrijke wijziging').check();
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByText('Versie 1 is gepubliceerd.').waitFor();
      const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: '1', exact: true }) });
      await row.getByRole('cell', { name: 'Nieuwe e-maildienst als verwerker.' }).waitFor();
      await expectNoAxeViolations(page, '/admin/privacy-policy, published', { impact: 'any' });
      expect(admin.errors).toEqual([]);
    });

    const visitor = await newTestPage(browser);
    await scenario(visitor, async () => {
      const page = visitor.page;
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring en cookies' }).click();
      await page.getByRole('heading', { name: 'Privacyverklaring', level: 1, exact: true }).waitFor();
      await page.getByText('We bewaren je e-mailadres om je account te beheren.').waitFor();
      await page.getByText(/^Versie 1, gepubliceerd op .* \(belangrijke wijziging\)$/).waitFor();
      const cookies = page.getByRole('table', { name: 'Cookies en browseropslag van Lesplein' });
      await cookies.getByRole('rowheader', { name: 'lp_session' }).waitFor();
      await cookies.getByRole('rowheader', { name: 'lp_csrf' }).waitFor();
      await expectNoAxeViolations(page, '/privacy', { impact: 'any' });

      await page.goto(`${stack.baseUrl}/privacy/versions/1`);
      await page.getByRole('heading', { name: 'Privacyverklaring, versie 1', level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Wat er veranderde' }).getByText('Nieuwe e-maildienst als verwerker.').waitFor();
      await expectNoAxeViolations(page, '/privacy/versions/1', { impact: 'any' });
      expect(visitor.errors).toEqual([]);
    });

    const member = await newTestPage(browser);
    await scenario(member, async () => {
      const page = member.page;
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'De privacyverklaring is gewijzigd', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/privacy/accept');
      await page.getByRole('region', { name: 'Wat er veranderde' }).getByText('Nieuwe e-maildienst als verwerker.').waitFor();
      await expectNoAxeViolations(page, '/privacy/accept', { impact: 'any' });
      const before = await apiCall<MyPolicyStatus>(page, stack.baseUrl, 'GET', '/api/account/privacy-policy');
      expect(before.acceptanceRequired).toBe(true);

      // Accept with the keyboard.
      await page.getByRole('button', { name: 'Ik aanvaard de nieuwe privacyverklaring' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname !== '/privacy/accept');
      const after = await apiCall<MyPolicyStatus>(page, stack.baseUrl, 'GET', '/api/account/privacy-policy');
      expect(after).toMatchObject({ acceptanceRequired: false, lastSeenVersion: 1, changes: [] });
      await page.goto(`${stack.baseUrl}/account/profile`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/profile');
      expect(member.errors).toEqual([]);
    });
  });
});
