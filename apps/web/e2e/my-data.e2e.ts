/// <reference types="node" />
// "Mijn gegevens" in a real browser against the real API (built) with the demo members: An opens
// the page from the main navigation and sees her rights, her profile (the e-mail field with its
// purpose, legal basis and what deletion does), her shared learning resources with their number
// (the same as the API's), the partners section pointing to the authorisations page, and the
// contents links work with the keyboard. Axe finds no violation of any impact.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { MyData } from '@lesplein/contracts/my-data';
import { apiCall, expectNoAxeViolations, logIn, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';

useDemoStack();

describe('my data', () => {
  it('shows a member what is held about them, from the navigation', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
      await page.getByRole('heading', { name: 'Mijn gegevens', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/my-data');
      expect(await page.title()).toBe('Mijn gegevens · Lesplein');

      const rights = page.getByRole('region', { name: 'Je rechten' });
      await expect(rights.getByRole('link', { name: 'Naar Beveiliging' }).getAttribute('href')).resolves.toBe('/account/security');
      await expect(rights.getByRole('link', { name: 'Naar mijn profiel' }).getAttribute('href')).resolves.toBe('/account/profile');

      // The profile: the e-mail address, why it is kept, on which basis, and what deletion does.
      const profile = page.getByRole('region', { name: 'Je profiel en account' });
      await profile.getByText('1 record', { exact: true }).waitFor();
      const profileTable = profile.getByRole('table', { name: /^Gegevens in Je profiel en account/ });
      const emailRow = profileTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'email', exact: true }) });
      await emailRow.waitFor();
      expect(await emailRow.getByRole('cell').allInnerTexts()).toEqual(['log-in, notifications', 'contract', 'until account deletion', 'Wordt gewist.']);

      // Her learning resources, with as many records as the API counts.
      const answer = await apiCall<MyData>(page, stack.baseUrl, 'GET', '/api/account/my-data');
      const resources = answer.categories.find((category) => category.model === 'Resource');
      expect(resources?.rows).toBeGreaterThanOrEqual(1);
      const resourcesSection = page.getByRole('region', { name: 'Leermiddelen die je deelde' });
      await resourcesSection.getByText(`${resources!.rows} ${resources!.rows === 1 ? 'record' : 'records'}`, { exact: true }).waitFor();
      await resourcesSection.getByRole('table', { name: /^Gegevens in Leermiddelen die je deelde/ }).getByRole('rowheader').first().waitFor();

      // Every category of the answer has a section with a human name (no model names shown).
      expect(await page.getByRole('navigation', { name: 'Inhoud van deze pagina' }).getByRole('link').count()).toBe(answer.categories.length + 1);

      // The contents work with the keyboard: Enter on a link goes to its section.
      await page.getByRole('navigation', { name: 'Inhoud van deze pagina' }).getByRole('link', { name: 'Leermiddelen die je deelde' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#my-data-Resource');

      // The partners: none yet, and where consents are managed.
      const recipients = page.getByRole('region', { name: 'Partners die gegevens van je ontvangen' });
      await recipients.getByText('Geen enkele partner ontvangt gegevens van je.').waitFor();
      await expect(recipients.getByRole('link', { name: /Externe autorisaties/ }).getAttribute('href')).resolves.toBe('/account/authorisations');

      await expectNoAxeViolations(page, 'my data', { impact: 'any' });
      expect(tp.errors).toEqual([]);
    });
  });
});
