/// <reference types="node" />
// Search in a real browser against the real API (built) with the demo resources, indexed
// through the outbox on first start: a visitor types in the header's search box and sees
// completions (keyboard: arrows, Escape), opens the search page with Enter, sees the matching
// words marked, narrows with a facet (the URL carries it, a chip removes it, the back button
// undoes it), changes the sort, finds a resource despite a typo, and gets the empty state with
// suggestions for nonsense. A member saves a search with an alert and manages it and the
// search history under "Mijn zoekopdrachten". axe on the search page and that page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logIn, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const JONAS = 'jonas.maes@demo.lesplein.test';
/** Published by An in the demo data. */
const FRACTIONS = 'Breuken vergelijken met de getallenlijn';

useDemoStack();

const results = (page: Page) => page.getByRole('list', { name: 'Resultaten' });

describe('search', () => {
  it('completes in the header, searches as you type, filters by facet with the state in the URL', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await page.goto(`${stack.baseUrl}/`);
      const box = page.getByRole('banner').getByRole('combobox', { name: 'Zoek leermiddelen' });
      await box.fill('breuk');
      const suggestions = page.getByRole('listbox', { name: 'Suggesties' });
      await suggestions.getByRole('option').filter({ hasText: FRACTIONS }).waitFor();
      await box.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
      await box.press('Escape');
      await suggestions.waitFor({ state: 'hidden' });
      await box.press('Enter');

      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'breuk');
      await page.getByRole('heading', { name: 'Zoeken', level: 1 }).waitFor();
      const hit = results(page).getByRole('listitem').filter({ hasText: FRACTIONS });
      await hit.waitFor();
      // "breuk" matches "Breuken" (Dutch stemming): the word is marked, as text, not markup.
      expect((await hit.locator('h2 mark').first().textContent())?.toLowerCase()).toContain('breuk');
      await expectNoAxeViolations(page, '/search?q=breuk');

      // Typing on the search page updates the results and the URL without a new history entry.
      const field = page.getByRole('searchbox', { name: 'Zoek leermiddelen' });
      await field.fill('kaart');
      await page.waitForURL((url) => url.searchParams.get('q') === 'kaart');
      await results(page).getByRole('listitem').filter({ hasText: 'Kaartlezen met schaal en legende' }).waitFor();

      // A facet narrows the results; the URL carries it, a chip removes it, back undoes it.
      await field.fill('');
      await page.waitForURL((url) => !url.searchParams.has('q'));
      const subjects = page.getByRole('group', { name: 'Vak' });
      // click, not check(): the box follows the URL, which the router updates just after the click.
      await subjects.getByRole('checkbox', { name: /^Wiskunde/ }).click();
      await page.waitForURL((url) => url.searchParams.getAll('subject').includes('wiskunde'));
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type=checkbox][id$="-subject-wiskunde"]')?.checked === true);
      await page.getByRole('heading', { name: '1 leermiddel gevonden' }).waitFor();
      await results(page).getByRole('listitem').filter({ hasText: FRACTIONS }).waitFor();
      const chip = page.getByRole('button', { name: 'Filter Vak: Wiskunde weghalen' });
      await chip.waitFor();
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('subject'));
      await chip.waitFor({ state: 'detached' });
      expect(await subjects.getByRole('checkbox', { name: /^Wiskunde/ }).isChecked()).toBe(false);

      // Sorting is part of the URL too.
      await page.getByLabel('Sorteren op').selectOption('rating');
      await page.waitForURL((url) => url.searchParams.get('sort') === 'rating');
    });
  });

  it('forgives a typo and says so plainly when nothing matches', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await page.goto(`${stack.baseUrl}/search?q=getallenlijm`);
      await results(page).getByRole('listitem').filter({ hasText: FRACTIONS }).waitFor();

      await page.goto(`${stack.baseUrl}/search?q=${encodeURIComponent('qwzxv plof')}`);
      await page.getByRole('heading', { name: 'Niets gevonden' }).waitFor();
      await page.getByRole('heading', { name: '0 leermiddelen gevonden' }).waitFor();
      await expectNoAxeViolations(page, '/search without results');
    });
  });

  it('lets a member save a search with an alert, and see, pause and clear the search history', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, JONAS, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
      await page.goto(`${stack.baseUrl}/search?q=kaart`);
      const hit = results(page).getByRole('listitem').filter({ hasText: 'Kaartlezen met schaal en legende' });
      await hit.waitFor();
      // Members can favourite straight from the results.
      await hit.getByRole('button', { name: /^Toevoegen aan map/ }).waitFor();

      await page.getByRole('button', { name: 'Zoekopdracht bewaren' }).click();
      const dialog = page.getByRole('dialog', { name: 'Zoekopdracht bewaren' });
      expect(await dialog.getByLabel('Naam').inputValue()).toBe('kaart');
      await dialog.getByLabel('Naam').fill('Kaarten voor de eerste graad');
      expect(await dialog.getByRole('checkbox', { name: 'Laat me weten wanneer er nieuwe leermiddelen bij komen' }).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Bewaren' }).click();
      await page.getByText('Zoekopdracht „Kaarten voor de eerste graad” bewaard.').waitFor();

      await page.goto(`${stack.baseUrl}/account/searches`);
      await page.getByRole('heading', { name: 'Mijn zoekopdrachten', level: 1 }).waitFor();
      const saved = page.getByRole('list', { name: 'Bewaarde zoekopdrachten' });
      const item = saved.getByRole('listitem').filter({ hasText: 'Kaarten voor de eerste graad' });
      await item.getByText('Melding bij nieuwe resultaten: aan').waitFor();
      await item.getByRole('button', { name: 'Melding uitzetten Kaarten voor de eerste graad' }).click();
      await item.getByText('Melding bij nieuwe resultaten: uit').waitFor();

      // The search itself is in the history; the link opens it again.
      const history = page.getByRole('list', { name: 'Zoekgeschiedenis' });
      await history.getByRole('link', { name: '„kaart”' }).waitFor();
      await expectNoAxeViolations(page, '/account/searches');

      await page.getByRole('button', { name: 'Pauzeren' }).click();
      await page.getByText('Je zoekgeschiedenis is gepauzeerd.').waitFor();
      await page.getByRole('button', { name: 'Hele geschiedenis wissen' }).click();
      await page.getByRole('alertdialog', { name: 'Hele zoekgeschiedenis wissen?' }).getByRole('button', { name: 'Ja, alles wissen' }).click();
      await page.getByText('Je zoekgeschiedenis is leeg.').waitFor();

      // While paused, a new search is not kept.
      await page.goto(`${stack.baseUrl}/search?q=breuken`);
      await results(page).getByRole('listitem').filter({ hasText: FRACTIONS }).waitFor();
      await page.goto(`${stack.baseUrl}/account/searches`);
      await page.getByText('Je zoekgeschiedenis is leeg.').waitFor();
      await page.getByText('Gepauzeerd', { exact: true }).waitFor();
    });
  });
});
