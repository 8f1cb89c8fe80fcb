/// <reference types="node" />
// Community features in a real browser against the real API (built) with the demo members:
// Jonas favourites An's resource, adds it to a new folder, rates it and comments (and edits
// the comment); An, signed in meanwhile, sees the bell count go up when the window gets focus,
// opens the notification that lands on the comment and replies. Jonas follows An and sends her
// a message; An sees the envelope count, reads it under /messages and answers. axe on the
// resource page with comments and on /messages.
//
// Every wait is on a condition; nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack.js';
import { launchChromium } from './support/browser.js';
import { expectNoSeriousAxeViolations, logIn, newTestPage, scenario } from './support/pages.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const JONAS = 'jonas.maes@demo.lesplein.test';
/** Published by An in the demo data. */
const TITLE = 'Breuken vergelijken met de getallenlijn';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ env: { SEED_DEMO: 'true' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** What TanStack Query listens to for "the window has focus again". */
async function refocus(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
}

const header = (page: Page) => page.getByRole('banner');

async function openDemoResource(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Nieuwste leermiddelen' }).getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
}

describe('community', () => {
  it('favourite, folder, rating and comments notify the author, who replies; follow and messages', async () => {
    const an = await newTestPage(browser);
    const jonas = await newTestPage(browser);
    await scenario(an, async () => {
      await scenario(jonas, async () => {
        // An is signed in with nothing unread.
        await logIn(an.page, stack.baseUrl, AN, DEMO_PASSWORD);
        await an.page.getByRole('heading', { name: 'Dag An!' }).waitFor();
        await header(an.page).getByRole('link', { name: 'Meldingen, 0 ongelezen' }).waitFor();

        // An's own resource: no rating to give, but the comment form.
        await openDemoResource(an.page);
        await an.page.getByText('Nog geen scores').waitFor();
        expect(await an.page.getByRole('group', { name: 'Jouw score' }).count()).toBe(0);
        const resourceUrl = an.page.url();

        // Jonas: favourite, add to a new folder, rate, comment.
        const page = jonas.page;
        await logIn(page, stack.baseUrl, JONAS, DEMO_PASSWORD);
        await page.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
        await openDemoResource(page);
        const favourite = page.getByRole('button', { name: /^Favoriet/ });
        expect(await favourite.getAttribute('aria-pressed')).toBe('false');
        await favourite.click();
        await expect.poll(() => favourite.getAttribute('aria-pressed')).toBe('true');
        await page.getByRole('button', { name: 'Favoriet 1 keer bewaard' }).waitFor();

        await page.getByRole('button', { name: 'Toevoegen aan map' }).click();
        const dialog = page.getByRole('dialog', { name: 'Toevoegen aan map' });
        await dialog.getByText('Je hebt nog geen mappen.', { exact: false }).waitFor();
        await dialog.getByLabel('Naam van de nieuwe map').fill('Rekenen vierde leerjaar');
        await dialog.getByRole('button', { name: 'Map maken en toevoegen' }).click();
        await dialog.getByText('Toegevoegd aan ‘Rekenen vierde leerjaar’.').waitFor();
        await dialog.getByRole('list', { name: 'Mijn mappen' }).getByRole('button', { name: 'Toegevoegd aan Rekenen vierde leerjaar' }).waitFor();
        await dialog.getByRole('button', { name: 'Sluiten' }).click();
        await dialog.waitFor({ state: 'hidden' });

        const stars = page.getByRole('group', { name: 'Jouw score' });
        await stars.getByRole('radio', { name: '4 sterren' }).check();
        await page.getByText('Gemiddelde score 4 van 5 (1 score)').waitFor();
        expect(await stars.getByRole('radio', { name: '4 sterren' }).isChecked()).toBe(true);
        // Keyboard: the arrow key moves to the next score, which is saved.
        await stars.getByRole('radio', { name: '4 sterren' }).press('ArrowRight');
        await page.getByText('Gemiddelde score 5 van 5 (1 score)').waitFor();

        const comments = page.getByRole('region', { name: /^Reacties/ });
        await comments.getByText('Nog geen reacties.', { exact: false }).waitFor();
        await comments.getByRole('button', { name: 'Reactie plaatsen' }).click();
        await expect.poll(() => comments.getByLabel('Jouw reactie').getAttribute('aria-invalid')).toBe('true');
        await comments.getByLabel('Jouw reactie').fill('Heel bruikbaar in **mijn klas**, dank je!');
        await comments.getByRole('button', { name: 'Reactie plaatsen' }).click();
        const mine = comments.getByRole('article', { name: 'Reactie van Jonas Maes' });
        await mine.locator('strong', { hasText: 'mijn klas' }).waitFor();
        await page.getByRole('heading', { name: 'Reacties (1)' }).waitFor();
        await mine.getByRole('button', { name: 'Bewerken je reactie' }).click();
        await mine.getByLabel('Tekst van je reactie').fill('Heel bruikbaar in **mijn klas** en in de zorgklas, dank je!');
        await mine.getByRole('button', { name: 'Opslaan' }).click();
        await mine.getByText('bewerkt').waitFor();
        await mine.getByText('zorgklas', { exact: false }).waitFor();

        await expectNoSeriousAxeViolations(page, '/resources/:id with comments');

        // An: the bell count goes up when the window gets focus again; the notification lands on the comment.
        await refocus(an.page);
        const bell = header(an.page).getByRole('link', { name: 'Meldingen, 1 ongelezen' });
        await bell.waitFor();
        await bell.click();
        await an.page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
        await an.page.getByRole('link', { name: `Jonas Maes reageerde op ‘${TITLE}’` }).click();
        await an.page.waitForURL((url) => url.pathname === new URL(resourceUrl).pathname && url.hash.startsWith('#comment-'));
        const commentId = new URL(an.page.url()).hash.slice(1);
        await expect.poll(() => an.page.evaluate(() => document.activeElement?.id)).toBe(commentId);
        await header(an.page).getByRole('link', { name: 'Meldingen, 0 ongelezen' }).waitFor();

        const anComments = an.page.getByRole('region', { name: /^Reacties/ });
        const jonasComment = anComments.locator(`#${commentId}`);
        await jonasComment.getByRole('button', { name: 'Beantwoorden aan Jonas Maes' }).click();
        await jonasComment.getByLabel('Jouw antwoord').fill('Fijn om te horen, Jonas!');
        await jonasComment.getByRole('button', { name: 'Antwoord plaatsen' }).click();
        const replies = anComments.getByRole('list', { name: 'Antwoorden op Jonas Maes' });
        await replies.getByRole('article', { name: 'Reactie van An Peeters' }).getByText('Fijn om te horen, Jonas!').waitFor();
        await an.page.getByRole('heading', { name: 'Reacties (2)' }).waitFor();

        // Jonas posts a second comment and removes it after confirming.
        await comments.getByLabel('Jouw reactie').fill('Dubbel gepost');
        await comments.getByRole('button', { name: 'Reactie plaatsen' }).click();
        const doubled = comments.getByRole('article').filter({ hasText: 'Dubbel gepost' });
        await doubled.getByRole('button', { name: 'Verwijderen je reactie' }).click();
        const confirm = page.getByRole('alertdialog', { name: 'Reactie verwijderen?' });
        await confirm.getByRole('button', { name: 'Reactie verwijderen' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await expect.poll(() => comments.getByText('Dubbel gepost').count()).toBe(0);

        // Jonas follows An and sends her a message.
        await page.goto(`${stack.baseUrl}/members/an-peeters`);
        await page.getByRole('heading', { name: 'An Peeters', level: 1 }).waitFor();
        const follow = page.getByRole('button', { name: 'An Peeters volgen' });
        expect(await follow.getAttribute('aria-pressed')).toBe('false');
        await follow.click();
        await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
        await page.getByText('1 volger', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Bericht sturen' }).click();
        const compose = page.getByRole('form', { name: 'Bericht aan An Peeters' });
        await compose.getByLabel('Bericht').fill('Dag An, mag ik je werkblad aanpassen voor mijn klas?');
        await compose.getByRole('button', { name: 'Versturen' }).click();
        await page.getByText('Je bericht is verstuurd.').waitFor();

        // An reads it under /messages and answers.
        await refocus(an.page);
        const envelope = header(an.page).getByRole('link', { name: 'Berichten, 1 ongelezen' });
        await envelope.waitFor();
        await envelope.click();
        await an.page.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor();
        const conversation = an.page.getByRole('list', { name: 'Gesprekken' }).getByRole('link', { name: 'Gesprek met Jonas Maes (1 ongelezen)' });
        await conversation.waitFor();
        await expectNoSeriousAxeViolations(an.page, '/messages');
        await conversation.click();
        await an.page.getByRole('heading', { name: 'Gesprek met Jonas Maes', level: 1 }).waitFor();
        await an.page.getByRole('list', { name: 'Berichten in dit gesprek' }).getByText('Dag An, mag ik je werkblad aanpassen voor mijn klas?').waitFor();
        await header(an.page).getByRole('link', { name: 'Berichten, 0 ongelezen' }).waitFor();
        const reply = an.page.getByRole('form', { name: 'Antwoord sturen' });
        await reply.getByLabel('Bericht').fill('Natuurlijk, de licentie laat het toe.');
        await reply.getByRole('button', { name: 'Versturen' }).click();
        await an.page.getByRole('list', { name: 'Berichten in dit gesprek' }).getByText('Natuurlijk, de licentie laat het toe.').waitFor();
        await expectNoSeriousAxeViolations(an.page, '/messages/:id');

        // Jonas's folder: shared by link, with a new link on demand.
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn mappen' }).click();
        await page.getByRole('heading', { name: 'Mijn mappen', level: 1 }).waitFor();
        await page.getByRole('link', { name: 'Rekenen vierde leerjaar' }).click();
        await page.getByRole('heading', { name: 'Rekenen vierde leerjaar', level: 1 }).waitFor();
        await page.getByRole('list', { name: 'Leermiddelen in deze map' }).getByRole('link', { name: TITLE }).waitFor();
        const settings = page.getByRole('form', { name: 'Map bewerken' });
        await settings.getByLabel('Zichtbaarheid').selectOption('link');
        await settings.getByRole('button', { name: 'Map opslaan' }).click();
        const shareLink = page.getByRole('textbox', { name: 'Deellink' });
        await expect.poll(() => shareLink.inputValue()).toContain('/folders/shared/');
        const firstLink = await shareLink.inputValue();
        await page.getByRole('button', { name: 'Nieuwe link' }).click();
        await expect.poll(() => shareLink.inputValue()).not.toBe(firstLink);
        const shared = await an.page.request.get(`${stack.baseUrl}/api${new URL(await shareLink.inputValue()).pathname}`);
        expect(shared.status()).toBe(200);
        await expectNoSeriousAxeViolations(page, '/folders/:id');

        // Jonas's favourites page lists the resource.
        await page.goto(`${stack.baseUrl}/account/favourites`);
        await page.getByRole('heading', { name: 'Mijn favorieten', level: 1 }).waitFor();
        await page.getByRole('link', { name: TITLE }).waitFor();

        expect(an.errors).toEqual([]);
        expect(jonas.errors).toEqual([]);
      });
    });
  });
});
