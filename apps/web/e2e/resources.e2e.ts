/// <reference types="node" />
// Learning resources in a real browser against the real API (built), with its embedded
// PostgreSQL and demo members: share a resource (drop a PNG, a refused empty file, keywords,
// taxonomy, licence) → save as draft → add a text file to the draft with progress to 100 %, a
// script the API refuses (reason next to the file), an upload cancelled while it runs →
// preview → publish → the resource page (preview image, thumbnail, attribution copied, download
// headers) → "Mijn leermiddelen" and the home page. A second member views it and manages the
// viewing history (delete one, pause, resume, clear all). A moderator hides it with a reason
// that the author sees, and shows it again. A YouTube link: click-to-load embed, back to draft,
// removal after confirming. axe on the form, the preview and the resource page.
//
// Every wait is on a condition (a heading, a status text, an attribute); nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { startStack, type Stack } from './support/stack.js';
import { launchChromium } from './support/browser.js';
import { expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, pngImage, scenario } from './support/pages.js';

/** Seeded on first start when SEED_DEMO is on (listed in the project README). */
const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const JONAS = 'jonas.maes@demo.lesplein.test';
const MODERATOR = 'moderator@demo.lesplein.test';

const TITLE = 'Breuken oefenen in het vierde leerjaar';
const TEXT_FILE = Buffer.from('Breuken oefenen\n1/2 + 1/4 = ?\n3/4 - 1/8 = ?\n'.repeat(4_000), 'utf8');

let stack: Stack;
let browser: Browser;
/** The resource shared by the first test, used by the next ones. */
let resourceId = '';

beforeAll(async () => {
  stack = await startStack({ env: { SEED_DEMO: 'true' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

/** Drops a file on the drop zone as a browser would (a DragEvent carrying a DataTransfer). */
async function dropFile(page: Page, zone: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, mimeType, bytes }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
    return transfer;
  }, { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

describe('learning resources', () => {
  it('shares a resource: files with progress, draft, preview, publish; attribution, download, my resources and home', async () => {
    const tp = await newTestPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await mainNav(page).getByRole('link', { name: 'Leermiddel delen' }).click();
      await page.getByRole('heading', { name: 'Leermiddel delen', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: 'Leermiddel delen' });
      await form.getByRole('checkbox', { name: 'Wiskunde' }).waitFor();
      await expectNoAxeViolations(page, '/resources/new');

      // A PNG dropped on the zone waits for the draft; an empty file is refused before sending.
      await dropFile(page, form.locator('.dropzone'), { name: 'breuken.png', mimeType: 'image/png', buffer: pngImage(64) });
      await form.getByLabel('Bestanden kiezen').setInputFiles({ name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      const files = form.getByRole('list', { name: 'Bestanden van dit leermiddel' });
      await files.getByRole('listitem').filter({ hasText: 'breuken.png' }).getByText('Wordt geüpload bij opslaan').waitFor();
      await files.getByRole('listitem').filter({ hasText: 'leeg.txt' }).getByText('Dit bestand is leeg.').waitFor();
      await files.getByRole('button', { name: 'Verwijderen leeg.txt' }).click();
      expect(await files.getByText('leeg.txt').count()).toBe(0);

      // Saving without a title or licence: the messages stand next to the fields.
      await form.getByRole('button', { name: 'Opslaan als concept' }).click();
      const titleField = form.getByLabel('Titel', { exact: true });
      await expect.poll(() => titleField.getAttribute('aria-invalid')).toBe('true');
      await form.getByRole('group', { name: 'Onder welke licentie deel je het?' }).getByText('Kies een van de mogelijkheden.').waitFor();

      await titleField.fill(TITLE);
      await form.getByLabel('Beschrijving').fill('Oefeningen op **breuken**: optellen en aftrekken.\n\n- met tekeningen\n- met oplossingen');
      await form.getByLabel('Soort leermiddel').selectOption('worksheet');
      const keywords = form.getByLabel('Trefwoorden', { exact: true });
      await keywords.fill('breuken, delen');
      await keywords.fill('schema');
      await keywords.press('Enter');
      const chips = form.getByRole('list', { name: 'Gekozen trefwoorden' });
      expect(await chips.getByRole('listitem').allTextContents()).toEqual(['breuken×', 'delen×', 'schema×']);
      await chips.getByRole('button', { name: 'Trefwoord delen verwijderen' }).click();
      await form.getByRole('checkbox', { name: '4e leerjaar' }).check();
      await form.getByRole('checkbox', { name: 'Wiskunde' }).check();
      await form.getByLabel('Van (jaar)').fill('9');
      await form.getByLabel('Tot en met (jaar)').fill('10');
      await form.getByRole('radio', { name: 'Naamsvermelding (CC BY 4.0)', exact: true }).check();

      // Save as draft: the draft is created, then the PNG is uploaded to it.
      await form.getByRole('button', { name: 'Opslaan als concept' }).click();
      await page.waitForURL(/\/resources\/[0-9a-f-]{36}\/edit$/);
      resourceId = new URL(page.url()).pathname.split('/')[2]!;
      await page.getByRole('heading', { name: 'Leermiddel bewerken', level: 1 }).waitFor();
      await page.getByText('Je concept is opgeslagen.').waitFor();
      const editForm = page.getByRole('form', { name: 'Leermiddel bewerken' });
      const editFiles = editForm.getByRole('list', { name: 'Bestanden van dit leermiddel' });
      await editFiles.getByRole('listitem').filter({ hasText: 'breuken.png' }).getByText('Opgeslagen').waitFor();
      expect(await editForm.getByLabel('Titel', { exact: true }).inputValue()).toBe(TITLE);

      // A file added to the existing draft is sent at once, with its progress bar reaching 100 %.
      await editForm.getByLabel('Bestanden kiezen').setInputFiles({ name: 'werkblad.txt', mimeType: 'text/plain', buffer: TEXT_FILE });
      const progress = editForm.getByRole('progressbar', { name: 'Uploaden van werkblad.txt' });
      await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
      await editFiles.getByRole('listitem').filter({ hasText: 'werkblad.txt' }).getByText('Geüpload', { exact: true }).waitFor();
      expect(await progress.getAttribute('aria-valuetext')).toBe('Geüpload');

      // The API refuses a shell script by its content: the translated reason stands next to the file.
      await editForm.getByLabel('Bestanden kiezen').setInputFiles({ name: 'oefening.txt', mimeType: 'text/plain', buffer: Buffer.from('#!/bin/sh\necho hallo\n') });
      const refused = editFiles.getByRole('listitem').filter({ hasText: 'oefening.txt' });
      await refused.getByText('Uploaden mislukt').waitFor();
      await refused.getByText('Dit soort bestand wordt niet aanvaard.').waitFor();
      await refused.getByRole('button', { name: 'Verwijderen oefening.txt' }).click();

      // An upload can be cancelled while it runs (the answer is held back here to leave time).
      let held: Route | undefined;
      await page.route(`**/api/resources/${resourceId}/files`, (route) => {
        held = route;
      });
      await editForm.getByLabel('Bestanden kiezen').setInputFiles({ name: 'groot.txt', mimeType: 'text/plain', buffer: TEXT_FILE });
      const slow = editFiles.getByRole('listitem').filter({ hasText: 'groot.txt' });
      await slow.getByRole('button', { name: 'Annuleren uploaden van groot.txt' }).click();
      await slow.getByText('Geannuleerd').waitFor();
      await held?.abort().catch(() => undefined);
      await page.unroute(`**/api/resources/${resourceId}/files`);
      await slow.getByRole('button', { name: 'Verwijderen groot.txt' }).click();
      expect(await editFiles.getByText('groot.txt').count()).toBe(0);

      // Preview, then publish.
      await editForm.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByRole('heading', { name: 'Voorbeeld', level: 1 }).waitFor();
      const preview = page.getByRole('region', { name: 'Voorbeeld van de pagina van je leermiddel' });
      await preview.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
      expect(await preview.locator('.prose strong').innerText()).toBe('breuken');
      await preview.getByText('Concept', { exact: true }).waitFor();
      await expectNoAxeViolations(page, '/resources/:id/edit?step=preview');
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await page.getByText('Je leermiddel is gepubliceerd.').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/resources/${resourceId}`);

      // The resource page: author, preview, details, attribution, files.
      const article = page.getByRole('article', { name: TITLE });
      expect(await article.getByRole('link', { name: 'An Peeters' }).getAttribute('href')).toBe('/members/an-peeters');
      await article.getByRole('img', { name: 'Voorbeeld van breuken.png' }).waitFor();
      await article.getByText('9 tot 10 jaar').waitFor();
      await article.getByRole('definition').filter({ hasText: '4e leerjaar' }).waitFor();
      await article.getByRole('definition').filter({ hasText: 'Wiskunde' }).waitFor();
      expect(await article.locator('ul.chips li').allTextContents()).toEqual(['breuken', 'schema']);
      // The thumbnail is made in the background; the page asks again until it is there.
      await article.locator('img.file-list__thumb').first().waitFor({ timeout: 30_000 });

      const attribution = (await article.locator('.attribution').innerText()).trim();
      expect(attribution).toContain(TITLE);
      expect(attribution).toContain('An Peeters');
      expect(attribution).toContain('CC BY 4.0');
      expect(attribution).toContain(`/resources/${resourceId}`);
      await article.getByRole('button', { name: 'Kopieer bronvermelding' }).click();
      await article.getByText('De bronvermelding is gekopieerd.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(attribution);
      expect(await article.getByRole('link', { name: 'Lees de licentie' }).getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/deed.nl');
      await expectNoAxeViolations(page, '/resources/:id');

      const pngHref = await article.getByRole('link', { name: 'Downloaden breuken.png' }).getAttribute('href');
      const png = await page.request.get(`${stack.baseUrl}${pngHref}`);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-disposition']).toMatch(/^attachment;.*filename="breuken\.png"/);
      expect(png.headers()['content-type']).toBe('image/png');
      const textHref = await article.getByRole('link', { name: 'Downloaden werkblad.txt' }).getAttribute('href');
      const text = await page.request.get(`${stack.baseUrl}${textHref}`);
      expect(text.headers()['content-disposition']).toMatch(/^attachment;.*filename="werkblad\.txt"/);
      expect(Buffer.from(await text.body()).equals(TEXT_FILE)).toBe(true);

      // "Mijn leermiddelen": published, not among the drafts.
      await mainNav(page).getByRole('link', { name: 'Mijn leermiddelen' }).click();
      await page.getByRole('heading', { name: 'Mijn leermiddelen', level: 1 }).waitFor();
      await page.getByRole('link', { name: TITLE, exact: true }).waitFor();
      const filters = page.getByRole('navigation', { name: 'Toon' });
      await filters.getByRole('link', { name: 'Concepten' }).click();
      await page.getByText('Geen leermiddelen bij ‘concepten’.').waitFor();
      await filters.getByRole('link', { name: 'Gepubliceerd' }).click();
      await page.getByRole('link', { name: TITLE, exact: true }).waitFor();
      expect(await filters.getByRole('link', { name: 'Gepubliceerd' }).getAttribute('aria-current')).toBe('page');
      await expectNoAxeViolations(page, '/account/resources');

      // The home page lists it among the latest, with its thumbnail.
      await mainNav(page).getByRole('link', { name: 'Start' }).click();
      const latest = page.getByRole('region', { name: 'Nieuwste leermiddelen' });
      const card = latest.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE, exact: true }) });
      await card.waitFor();
      await card.locator('img.resource-card__thumb').waitFor();

      expect(errors, 'uncaught errors in the page').toEqual([]);
    });
  });

  it('shows a second member the resource in "Bekeken", to delete, pause and clear', async () => {
    expect(resourceId, 'the first test shares the resource').not.toBe('');
    const tp = await newTestPage(browser);
    const { page, errors } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, JONAS, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
      await page.getByRole('region', { name: 'Nieuwste leermiddelen' }).getByRole('link', { name: TITLE, exact: true }).click();
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      // Not the author: no edit or remove.
      expect(await page.getByRole('link', { name: 'Bewerken' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);

      await mainNav(page).getByRole('link', { name: 'Bekeken' }).click();
      await page.getByRole('heading', { name: 'Bekeken leermiddelen', level: 1 }).waitFor();
      const history = page.getByRole('list', { name: 'Je geschiedenis' });
      await history.getByRole('link', { name: TITLE, exact: true }).waitFor();
      await expectNoAxeViolations(page, '/account/viewed');
      await history.getByRole('button', { name: `Uit geschiedenis verwijderen ${TITLE}` }).click();
      await page.getByText(`‘${TITLE}’ is uit je geschiedenis verwijderd.`).waitFor();
      await page.getByText('Je hebt nog geen leermiddelen bekeken').waitFor();

      // Paused: a view is not remembered.
      await page.getByRole('button', { name: 'Geschiedenis pauzeren' }).click();
      await page.getByText('Je geschiedenis is gepauzeerd.').first().waitFor();
      await page.goto(`${stack.baseUrl}/resources/${resourceId}`);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await page.goto(`${stack.baseUrl}/account/viewed`);
      await page.getByText('Je hebt nog geen leermiddelen bekeken').waitFor();

      // Resumed: it is, and "Alles wissen" (after confirming) clears it.
      await page.getByRole('button', { name: 'Geschiedenis hervatten' }).click();
      await page.getByText('Je geschiedenis wordt weer bijgehouden.').waitFor();
      await page.goto(`${stack.baseUrl}/resources/${resourceId}`);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await page.goto(`${stack.baseUrl}/account/viewed`);
      await page.getByRole('list', { name: 'Je geschiedenis' }).getByRole('link', { name: TITLE, exact: true }).waitFor();
      await page.getByRole('button', { name: 'Alles wissen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Hele geschiedenis wissen?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Alles wissen' }).click();
      await page.getByText('1 item is gewist.').waitFor();
      await page.getByText('Je hebt nog geen leermiddelen bekeken').waitFor();

      expect(errors, 'uncaught errors in the page').toEqual([]);
    });
  });

  it('lets a moderator hide the resource with a reason the author sees, and show it again', async () => {
    expect(resourceId, 'the first test shares the resource').not.toBe('');
    const moderatorTp = await newTestPage(browser);
    const mod = moderatorTp.page;
    await scenario(moderatorTp, async () => {
      // Moderators need two-step verification first.
      await logInAndSetUpTwoFactor(mod, stack.baseUrl, MODERATOR, DEMO_PASSWORD);

      await mod.goto(`${stack.baseUrl}/resources/${resourceId}`);
      await mod.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await mod.getByRole('button', { name: 'Verbergen' }).click();
      const dialog = mod.getByRole('dialog', { name: 'Leermiddel verbergen' });
      await dialog.getByRole('button', { name: 'Verbergen' }).click();
      await dialog.getByText('Vul dit veld in.').waitFor();
      await dialog.getByLabel('Reden').fill('Bevat een fout in oefening 3.');
      await dialog.getByRole('button', { name: 'Verbergen' }).click();
      await mod.getByText('Het leermiddel is verborgen.').waitFor();
      await mod.getByText('Reden: Bevat een fout in oefening 3.').waitFor();

      // The author sees why; others no longer see it.
      const author = await newTestPage(browser);
      await logIn(author.page, stack.baseUrl, AN, DEMO_PASSWORD);
      await author.page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await author.page.goto(`${stack.baseUrl}/resources/${resourceId}`);
      await author.page.getByText('Verborgen door een moderator').waitFor();
      await author.page.getByText('Reden: Bevat een fout in oefening 3.').waitFor();
      await author.context.close();
      const visitor = await newTestPage(browser);
      await visitor.page.goto(`${stack.baseUrl}/resources/${resourceId}`);
      await visitor.page.getByRole('heading', { name: 'Leermiddel niet gevonden', level: 1 }).waitFor();
      await visitor.context.close();

      await mod.getByRole('button', { name: 'Opnieuw tonen' }).click();
      await mod.getByText('Het leermiddel is weer zichtbaar.').waitFor();
    });
  });

  it('shares a YouTube link with a click-to-load player, takes it back to draft and removes it', async () => {
    const tp = await newTestPage(browser);
    const { page, errors } = tp;
    // The player is never fetched from the internet in tests: a stand-in answers for it.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' }));
    await scenario(tp, async () => {
      const title = 'Breuken uitgelegd in vijf minuten';
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.goto(`${stack.baseUrl}/resources/new`);
      const form = page.getByRole('form', { name: 'Leermiddel delen' });
      await form.getByRole('radio', { name: 'Een link naar een website of video' }).check();
      await form.getByLabel('Webadres').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      await form.getByLabel('Titel', { exact: true }).fill(title);
      await form.getByLabel('Soort leermiddel').selectOption('video');
      await form.getByRole('radio', { name: 'Publiek domein (CC0 1.0)' }).check();
      await form.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await page.getByRole('heading', { name: 'Voorbeeld', level: 1 }).waitFor();

      const preview = page.getByRole('region', { name: 'Voorbeeld van de pagina van je leermiddel' });
      expect(await preview.getByRole('link', { name: 'Bekijk de video op YouTube' }).getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      expect(await preview.locator('iframe').count(), 'nothing loads from YouTube before asked').toBe(0);
      await preview.getByRole('button', { name: 'Video van YouTube laden' }).click();
      const player = preview.locator(`iframe[title="Video: ${title} (YouTube)"]`);
      await player.waitFor();
      expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
      expect(await player.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
      expect(await player.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');

      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      const linkResourceId = new URL(page.url()).pathname.split('/')[2]!;
      await page.getByRole('button', { name: 'Terug naar concept' }).click();
      await page.getByText('Je leermiddel is weer een concept').waitFor();
      await page.getByText('Dit is een concept: alleen jij ziet het.').waitFor();

      // Removing asks first; Cancel keeps it, confirming removes it.
      await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Leermiddel verwijderen?' });
      await dialog.waitFor();
      await expect.poll(() => dialog.getByRole('button', { name: 'Annuleren' }).evaluate((button) => button === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
      await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
      await page.getByRole('heading', { name: 'Mijn leermiddelen', level: 1 }).waitFor();
      await page.getByText(`‘${title}’ is verwijderd.`).waitFor();
      expect(await page.getByRole('link', { name: title, exact: true }).count()).toBe(0);
      expect((await page.request.get(`${stack.baseUrl}/api/resources/${linkResourceId}`)).status()).toBe(404);

      expect(errors, 'uncaught errors in the page').toEqual([]);
    });
  });
});
