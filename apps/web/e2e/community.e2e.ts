/// <reference types="node" />
// Community features in a real browser against the real API (built) with the demo members:
// Jonas favourites An's resource, adds it to a new folder, rates it and comments (and edits
// the comment); An, signed in meanwhile, sees the bell count go up when the window gets focus,
// opens the notification that lands on the comment and replies. Jonas follows An and sends her
// a message; An sees the envelope count, reads it under /messages and answers. axe on the
// resource page with comments and on /messages.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { linkIn } from './support/stack.js';
import { apiCall, expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const JONAS = 'jonas.maes@demo.lesplein.test';
const FATIMA = 'fatima.elamrani@demo.lesplein.test';
const MODERATOR = 'moderator@demo.lesplein.test';
/** Demo resources by Jonas and An. */
const MAPS = 'Kaartlezen met schaal en legende';
const WAR = 'De Eerste Wereldoorlog in de Westhoek';
const READING = 'Leesbevordering: boekenkring in de klas';

/** HTML and script that must stay text wherever a member types it; `tag` says where it came from. */
const payload = (tag: string) => `<img src=x onerror="window.__xss='${tag}'"><script>window.__xss='${tag}'</script> ${tag}`;

/** Nothing a payload carried ran, and no element it described exists in the page. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
}

/** Published by An in the demo data. */
const TITLE = 'Breuken vergelijken met de getallenlijn';

useDemoStack();

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
        const newFolderBox = dialog.getByRole('group', { name: 'Mijn mappen' }).getByRole('checkbox', { name: 'Rekenen vierde leerjaar' });
        await expect.poll(() => newFolderBox.isChecked()).toBe(true);
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

        await expectNoAxeViolations(page, '/resources/:id with comments');

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
        await expectNoAxeViolations(an.page, '/messages');
        await conversation.click();
        await an.page.getByRole('heading', { name: 'Gesprek met Jonas Maes', level: 1 }).waitFor();
        await an.page.getByRole('list', { name: 'Berichten in dit gesprek' }).getByText('Dag An, mag ik je werkblad aanpassen voor mijn klas?').waitFor();
        await header(an.page).getByRole('link', { name: 'Berichten, 0 ongelezen' }).waitFor();
        const reply = an.page.getByRole('form', { name: 'Antwoord sturen' });
        await reply.getByLabel('Bericht').fill('Natuurlijk, de licentie laat het toe.');
        await reply.getByRole('button', { name: 'Versturen' }).click();
        await an.page.getByRole('list', { name: 'Berichten in dit gesprek' }).getByText('Natuurlijk, de licentie laat het toe.').waitFor();
        await expectNoAxeViolations(an.page, '/messages/:id');

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
        await expectNoAxeViolations(page, '/folders/:id');

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

describe('community in lists, dialogs and settings', () => {
  it('adds to folders from cards with checkboxes, reorders and moves items; another member follows and copies the public folder', async () => {
    const fatima = await newTestPage(browser);
    const jonas = await newTestPage(browser);
    await scenario(fatima, async () => {
      await scenario(jonas, async () => {
        const page = fatima.page;
        await logIn(page, stack.baseUrl, FATIMA, DEMO_PASSWORD);
        await page.getByRole('heading', { name: 'Dag Fatima!' }).waitFor();
        const latest = page.getByRole('region', { name: 'Nieuwste leermiddelen' });

        // Favourite straight from a card.
        const cardFavourite = latest.getByRole('button', { name: new RegExp(`^Favoriet ${READING}`) });
        await expect.poll(() => cardFavourite.getAttribute('aria-pressed')).toBe('false');
        await cardFavourite.click();
        await expect.poll(() => cardFavourite.getAttribute('aria-pressed')).toBe('true');

        // Add to a new public folder (with HTML in its name and the resource as cover) from a card.
        const folderName = payload('map');
        const addMaps = latest.getByRole('button', { name: `Toevoegen aan map ${MAPS}` });
        await addMaps.click();
        const dialog = page.getByRole('dialog', { name: 'Toevoegen aan map' });
        await dialog.getByText(`Leermiddel: ‘${MAPS}’`).waitFor();
        await dialog.getByText('Je hebt nog geen mappen.', { exact: false }).waitFor();
        const create = dialog.getByRole('form', { name: 'Nieuwe map' });
        await create.getByLabel('Naam van de nieuwe map').fill(folderName);
        await create.getByLabel('Beschrijving').fill('Kaarten en atlassen');
        await create.getByLabel('Zichtbaarheid').selectOption('public');
        await create.getByRole('checkbox', { name: 'Dit leermiddel als omslag van de map gebruiken' }).check();
        await expectNoAxeViolations(page, 'add-to-folder dialog');
        await create.getByRole('button', { name: 'Map maken en toevoegen' }).click();
        await dialog.getByText(`Toegevoegd aan ‘${folderName}’.`).waitFor();
        const folders = dialog.getByRole('group', { name: 'Mijn mappen' });
        await expect.poll(() => folders.getByRole('checkbox', { name: folderName }).isChecked()).toBe(true);
        await expectInert(page);
        // Escape closes the dialog and focus goes back to the button that opened it.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => addMaps.evaluate((button) => button === document.activeElement)).toBe(true);

        // A second resource: tick the existing folder, make a private one, then untick that again.
        await latest.getByRole('button', { name: `Toevoegen aan map ${WAR}` }).click();
        await folders.getByRole('checkbox', { name: folderName }).check();
        await dialog.getByText(`Toegevoegd aan ‘${folderName}’.`).waitFor();
        await create.getByLabel('Naam van de nieuwe map').fill('Wereldoorlog');
        await create.getByRole('button', { name: 'Map maken en toevoegen' }).click();
        await dialog.getByText('Toegevoegd aan ‘Wereldoorlog’.').waitFor();
        const warBox = folders.getByRole('checkbox', { name: 'Wereldoorlog' });
        await expect.poll(() => warBox.isChecked()).toBe(true);
        await warBox.uncheck();
        await dialog.getByText('Uit ‘Wereldoorlog’ gehaald.').waitFor();
        await expect.poll(() => warBox.isChecked()).toBe(false);
        await dialog.getByRole('button', { name: 'Sluiten' }).click();
        await dialog.waitFor({ state: 'hidden' });

        // The folder page: the name is text; reorder with the keyboard-usable buttons, then move an item.
        await page.goto(`${stack.baseUrl}/account/folders`);
        await page.getByRole('link', { name: folderName }).click();
        await page.getByRole('heading', { name: folderName, level: 1 }).waitFor();
        await expectInert(page);
        const items = page.getByRole('list', { name: 'Leermiddelen in deze map' });
        const titles = () => items.getByRole('heading', { level: 3 }).allInnerTexts();
        await expect.poll(titles).toEqual([MAPS, WAR]);
        // Items carry the same favourite and folder buttons as everywhere else.
        await items.getByRole('button', { name: `Toevoegen aan map ${WAR}` }).waitFor();
        await items.getByRole('button', { name: `Omlaag ${MAPS}` }).click();
        await expect.poll(titles).toEqual([WAR, MAPS]);
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain(`Omlaag ${MAPS}`);
        await page.getByLabel('Verplaatsen naar map').selectOption({ label: 'Wereldoorlog' });
        await items.getByRole('button', { name: `Verplaatsen ${WAR}` }).click();
        await expect.poll(titles).toEqual([MAPS]);
        const folderUrl = page.url();
        await page.goto(`${stack.baseUrl}/account/folders`);
        await page.getByRole('link', { name: 'Wereldoorlog' }).click();
        await page.getByRole('list', { name: 'Leermiddelen in deze map' }).getByRole('link', { name: WAR }).waitFor();

        // Jonas follows Fatima's public folder and copies it into his own folders.
        await logIn(jonas.page, stack.baseUrl, JONAS, DEMO_PASSWORD);
        await jonas.page.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
        await jonas.page.goto(folderUrl);
        await jonas.page.getByRole('heading', { name: folderName, level: 1 }).waitFor();
        await expectInert(jonas.page);
        const followFolder = jonas.page.getByRole('button', { name: 'Map volgen' });
        expect(await followFolder.getAttribute('aria-pressed')).toBe('false');
        await followFolder.click();
        await expect.poll(() => followFolder.getAttribute('aria-pressed')).toBe('true');
        await jonas.page.getByText('1 volger', { exact: false }).waitFor();
        await jonas.page.getByRole('button', { name: 'Kopiëren naar mijn mappen' }).click();
        await jonas.page.waitForURL((url) => url.pathname !== new URL(folderUrl).pathname && url.pathname.startsWith('/folders/'));
        await jonas.page.getByRole('link', { name: 'Terug naar mijn mappen' }).waitFor();
        await jonas.page.getByRole('form', { name: 'Map bewerken' }).waitFor();
        await jonas.page.getByRole('list', { name: 'Leermiddelen in deze map' }).getByRole('link', { name: MAPS }).waitFor();

        expect(fatima.errors).toEqual([]);
        expect(jonas.errors).toEqual([]);
      });
    });
  });

  it("shows a followed member's new resource in the feed; notification settings persist and the e-mail's unsubscribe link works; profile usage choices; block and unblock", async () => {
    const fatima = await newTestPage(browser);
    const an = await newTestPage(browser);
    const jonas = await newTestPage(browser);
    await scenario(fatima, async () => {
      await scenario(an, async () => {
        await scenario(jonas, async () => {
          const page = fatima.page;
          await logIn(page, stack.baseUrl, FATIMA, DEMO_PASSWORD);
          await page.getByRole('heading', { name: 'Dag Fatima!' }).waitFor();
          await logIn(an.page, stack.baseUrl, AN, DEMO_PASSWORD);
          await an.page.getByRole('heading', { name: 'Dag An!' }).waitFor();

          // An wants an e-mail for new followers; the choice is still there after a reload.
          await an.page.goto(`${stack.baseUrl}/account/notifications`);
          const followers = an.page.getByLabel('Nieuwe volgers');
          await followers.selectOption('email');
          await an.page.getByText('Je keuze is bewaard.').waitFor();
          await an.page.reload();
          await expect.poll(() => an.page.getByLabel('Nieuwe volgers').inputValue()).toBe('email');

          // Fatima follows An and Jonas; An gets the e-mail and unsubscribes with its link.
          await page.goto(`${stack.baseUrl}/members/an-peeters`);
          await page.getByRole('button', { name: 'An Peeters volgen' }).click();
          await expect.poll(() => page.getByRole('button', { name: 'An Peeters volgen' }).getAttribute('aria-pressed')).toBe('true');
          const mail = await stack.mail.waitFor(AN, /volgt je nu/, 30_000);
          await an.page.goto(linkIn(mail.text, '/unsubscribe?token='));
          await an.page.getByRole('heading', { name: 'Afmelden voor e-mails', level: 1 }).waitFor();
          await expectNoAxeViolations(an.page, '/unsubscribe');
          await an.page.getByRole('button', { name: 'Afmelden bevestigen' }).click();
          await an.page.getByText('Je krijgt geen e-mails meer voor ‘Nieuwe volgers’.').waitFor();
          await an.page.getByRole('link', { name: 'Alle instellingen voor meldingen' }).click();
          await expect.poll(() => an.page.getByLabel('Nieuwe volgers').inputValue()).toBe('in_app');

          await page.goto(`${stack.baseUrl}/members/jonas-maes`);
          const followJonas = page.getByRole('button', { name: 'Jonas Maes volgen' });
          await followJonas.click();
          await expect.poll(() => followJonas.getAttribute('aria-pressed')).toBe('true');

          // Jonas publishes a new resource; it is in Fatima's feed, with the save buttons.
          await logIn(jonas.page, stack.baseUrl, JONAS, DEMO_PASSWORD);
          await jonas.page.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
          const fresh = 'Bronnenonderzoek: brieven van het front';
          const created = await apiCall<{ id: string }>(jonas.page, stack.baseUrl, 'POST', '/api/resources', {
            title: fresh,
            description: 'Leerlingen lezen brieven van soldaten als historische bron.',
            type: 'website',
            link: 'https://example.org/brieven',
            subjects: ['geschiedenis'],
            levels: ['sec-graad-2'],
            language: 'nl',
            keywords: ['bronnen'],
            licence: 'CC-BY',
          });
          await apiCall(jonas.page, stack.baseUrl, 'POST', `/api/resources/${created.id}/publish`, {});
          await page.goto(`${stack.baseUrl}/feed`);
          const feed = page.getByRole('list', { name: 'Mijn nieuws' });
          const item = feed.getByRole('listitem').filter({ has: page.getByRole('link', { name: fresh }) });
          await item.getByText('Nieuw van', { exact: false }).waitFor();
          await item.getByRole('link', { name: 'Jonas Maes' }).waitFor();
          await item.getByRole('button', { name: `Toevoegen aan map ${fresh}` }).waitFor();
          await expectNoAxeViolations(page, '/feed');

          // An shows her recent comments and favourites count; Fatima then sees them, with An's resources as cards.
          await an.page.goto(`${stack.baseUrl}/account/profile`);
          const usage = an.page.getByRole('form', { name: 'Wat je profiel toont' });
          await usage.getByRole('checkbox', { name: 'Mijn recente reacties' }).check();
          await usage.getByRole('checkbox', { name: 'Hoeveel favorieten ik heb' }).check();
          expect(await usage.getByRole('checkbox', { name: 'Mijn gepubliceerde leermiddelen' }).isChecked()).toBe(true);
          await usage.getByRole('button', { name: 'Keuzes opslaan' }).click();
          await usage.getByText('Je keuzes zijn opgeslagen.').waitFor();
          await an.page.reload();
          const reloaded = an.page.getByRole('form', { name: 'Wat je profiel toont' });
          await expect.poll(() => reloaded.getByRole('checkbox', { name: 'Mijn recente reacties' }).isChecked()).toBe(true);
          expect(await reloaded.getByRole('checkbox', { name: 'Hoeveel favorieten ik heb' }).isChecked()).toBe(true);
          expect(await reloaded.getByRole('checkbox', { name: 'Wie ik volg en wie mij volgt' }).isChecked()).toBe(false);
          await expectNoAxeViolations(an.page, '/account/profile with usage choices');

          await page.goto(`${stack.baseUrl}/members/an-peeters`);
          const anResources = page.getByRole('region', { name: 'Leermiddelen van An Peeters' });
          await anResources.getByRole('link', { name: TITLE }).waitFor();
          await anResources.getByRole('button', { name: new RegExp(`^Favoriet ${READING}`) }).waitFor();
          await page.getByRole('region', { name: 'Recente reacties' }).getByText('Fijn om te horen, Jonas!').waitFor();
          await page.getByText(/leermiddel(en)? bewaard als favoriet/).waitFor();

          // Block: the profile shows the state from the API, also after a reload; the list of blocked members unblocks.
          await page.getByRole('button', { name: 'An Peeters blokkeren' }).click();
          await page.getByRole('alertdialog', { name: 'An Peeters blokkeren?' }).getByRole('button', { name: 'Blokkeren' }).click();
          await page.getByRole('button', { name: 'An Peeters deblokkeren' }).waitFor();
          await page.reload();
          await page.getByRole('button', { name: 'An Peeters deblokkeren' }).waitFor();
          expect(await page.getByRole('button', { name: 'An Peeters blokkeren' }).count()).toBe(0);
          await expectNoAxeViolations(page, '/members/:handle with resources and activity');
          await page.goto(`${stack.baseUrl}/account/profile`);
          await page.getByRole('link', { name: 'Geblokkeerde leden beheren' }).click();
          await page.getByRole('heading', { name: 'Geblokkeerde leden', level: 1 }).waitFor();
          const blocked = page.getByRole('list', { name: 'Geblokkeerde leden' });
          await blocked.getByRole('link', { name: 'An Peeters' }).waitFor();
          await expectNoAxeViolations(page, '/account/blocks');
          await blocked.getByRole('button', { name: 'An Peeters deblokkeren' }).click();
          await page.getByText('An Peeters is niet langer geblokkeerd.').waitFor();
          await page.getByText('Je hebt niemand geblokkeerd.').waitFor();
          await page.goto(`${stack.baseUrl}/members/an-peeters`);
          await page.getByRole('button', { name: 'An Peeters blokkeren' }).waitFor();

          expect(fatima.errors).toEqual([]);
          expect(an.errors).toEqual([]);
          expect(jonas.errors).toEqual([]);
        });
      });
    });
  });

  it('reports a resource, comment, profile and message; a moderator hides a comment; HTML in comments, messages and profile fields stays text', async () => {
    const fatima = await newTestPage(browser);
    const an = await newTestPage(browser);
    const moderator = await newTestPage(browser);
    await scenario(fatima, async () => {
      await scenario(an, async () => {
        await scenario(moderator, async () => {
          const page = fatima.page;
          await logIn(page, stack.baseUrl, FATIMA, DEMO_PASSWORD);
          await page.getByRole('heading', { name: 'Dag Fatima!' }).waitFor();
          await logIn(an.page, stack.baseUrl, AN, DEMO_PASSWORD);
          await an.page.getByRole('heading', { name: 'Dag An!' }).waitFor();

          // A profile field with HTML in it: shown as text to others.
          await page.goto(`${stack.baseUrl}/account/profile`);
          const details = page.getByRole('form', { name: 'Persoonsgegevens' });
          await details.getByLabel('School', { exact: true }).fill(payload('school'));
          await details.getByLabel('Zichtbaarheid van School').selectOption('public');
          await details.getByRole('button', { name: 'Profiel opslaan' }).click();
          await details.getByText('Je profiel is opgeslagen.').waitFor();
          await an.page.goto(`${stack.baseUrl}/members/fatima-el-amrani`);
          await an.page.getByRole('heading', { name: 'Fatima El Amrani', level: 1 }).waitFor();
          await an.page.getByText(payload('school'), { exact: true }).waitFor();
          await expectInert(an.page);

          // A comment with HTML: shown as text, nothing runs.
          await page.goto(`${stack.baseUrl}/`);
          await openDemoResource(page);
          const comments = page.getByRole('region', { name: /^Reacties/ });
          await comments.getByLabel('Jouw reactie').fill(payload('reactie'));
          await comments.getByRole('button', { name: 'Reactie plaatsen' }).click();
          const fatimaComment = comments.getByRole('article', { name: 'Reactie van Fatima El Amrani' });
          await fatimaComment.getByText(payload('reactie')).waitFor();
          await expectInert(page);

          // Report the resource: a reason is needed; then a confirmation, and focus back on the button.
          const reportResource = page.getByRole('button', { name: 'Melden dit leermiddel' });
          await reportResource.click();
          const resourceDialog = page.getByRole('dialog', { name: 'Leermiddel melden' });
          await expectNoAxeViolations(page, 'report dialog');
          await resourceDialog.getByRole('button', { name: 'Melding versturen' }).click();
          await resourceDialog.getByText('Kies een reden.').waitFor();
          await resourceDialog.getByRole('radio', { name: 'Fout of misleidend' }).check();
          await resourceDialog.getByLabel('Toelichting (niet verplicht)').fill('De getallenlijn in minuut 2 klopt niet.');
          const reported = page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
          await resourceDialog.getByRole('button', { name: 'Melding versturen' }).click();
          expect((await reported).status()).toBe(201);
          expect((await reported).request().postDataJSON()).toMatchObject({ targetType: 'resource', reason: 'Fout of misleidend: De getallenlijn in minuut 2 klopt niet.' });
          await resourceDialog.waitFor({ state: 'hidden' });
          await page.getByText('Bedankt. Een moderator bekijkt je melding.').first().waitFor();
          await expect.poll(() => reportResource.evaluate((button) => button === document.activeElement)).toBe(true);

          // An reports Fatima's comment and her profile.
          await an.page.goto(page.url());
          const anComments = an.page.getByRole('region', { name: /^Reacties/ });
          await anComments.getByRole('button', { name: 'Melden reactie van Fatima El Amrani' }).click();
          const commentDialog = an.page.getByRole('dialog', { name: 'Reactie melden' });
          await commentDialog.getByRole('radio', { name: 'Spam of reclame' }).check();
          await commentDialog.getByRole('button', { name: 'Melding versturen' }).click();
          await commentDialog.waitFor({ state: 'hidden' });
          await anComments.getByText('Bedankt. Een moderator bekijkt je melding.').waitFor();

          await an.page.goto(`${stack.baseUrl}/members/fatima-el-amrani`);
          await an.page.getByRole('button', { name: 'Melden profiel van Fatima El Amrani' }).click();
          const profileDialog = an.page.getByRole('dialog', { name: 'Profiel melden' });
          // Escape closes without sending.
          await an.page.keyboard.press('Escape');
          await profileDialog.waitFor({ state: 'hidden' });
          await an.page.getByRole('button', { name: 'Melden profiel van Fatima El Amrani' }).click();
          await profileDialog.getByRole('radio', { name: 'Kwetsend of ongepast' }).check();
          await profileDialog.getByRole('button', { name: 'Melding versturen' }).click();
          await an.page.getByText('Bedankt. Een moderator bekijkt je melding.').waitFor();

          // A message with HTML: text in the conversation; An reports it.
          await page.goto(`${stack.baseUrl}/members/an-peeters`);
          await page.getByRole('button', { name: 'Bericht sturen' }).click();
          const compose = page.getByRole('form', { name: 'Bericht aan An Peeters' });
          await compose.getByLabel('Bericht').fill(payload('bericht'));
          await compose.getByRole('button', { name: 'Versturen' }).click();
          await page.getByRole('link', { name: 'Naar het gesprek' }).click();
          const thread = page.getByRole('list', { name: 'Berichten in dit gesprek' });
          await thread.getByText(payload('bericht'), { exact: true }).waitFor();
          await expectInert(page);
          await an.page.goto(page.url());
          const anThread = an.page.getByRole('list', { name: 'Berichten in dit gesprek' });
          await anThread.getByText(payload('bericht'), { exact: true }).waitFor();
          await expectInert(an.page);
          await anThread.getByRole('button', { name: /^Melden bericht van Fatima El Amrani/ }).click();
          const messageDialog = an.page.getByRole('dialog', { name: 'Bericht melden' });
          await messageDialog.getByRole('radio', { name: 'Iets anders' }).check();
          await messageDialog.getByLabel('Toelichting (niet verplicht)').fill('Vreemde code in dit bericht.');
          await messageDialog.getByRole('button', { name: 'Melding versturen' }).click();
          await anThread.getByText('Bedankt. Een moderator bekijkt je melding.').waitFor();

          // The moderator (after setting up 2FA) hides Fatima's comment; author and others see it as hidden.
          const mod = moderator.page;
          await logInAndSetUpTwoFactor(mod, stack.baseUrl, MODERATOR, DEMO_PASSWORD);
          await mod.goto(`${stack.baseUrl}/`);
          await openDemoResource(mod);
          const modComments = mod.getByRole('region', { name: /^Reacties/ });
          await modComments.getByRole('button', { name: 'Verbergen van Fatima El Amrani' }).click();
          const hide = mod.getByRole('dialog', { name: 'Reactie verbergen' });
          await hide.getByLabel('Reden (de auteur ziet die)').fill('Code hoort niet in een reactie.');
          await hide.getByRole('button', { name: 'Verbergen' }).click();
          await hide.waitFor({ state: 'hidden' });
          await modComments.getByRole('button', { name: 'Opnieuw tonen van Fatima El Amrani' }).waitFor();

          await page.goto(`${stack.baseUrl}/`);
          await openDemoResource(page);
          const own = page.getByRole('region', { name: /^Reacties/ }).getByRole('article', { name: 'Reactie van Fatima El Amrani' });
          await own.getByText('Verborgen door een moderator: Code hoort niet in een reactie.').waitFor();
          await an.page.goto(page.url());
          const others = an.page.getByRole('region', { name: /^Reacties/ }).getByRole('article', { name: 'Reactie van Fatima El Amrani' });
          await others.getByText('Deze reactie is verborgen door een moderator.').waitFor();
          expect(await others.getByText(payload('reactie')).count()).toBe(0);
          expect(await others.getByRole('button', { name: /^Melden/ }).count()).toBe(0);

          expect(fatima.errors).toEqual([]);
          expect(an.errors).toEqual([]);
          expect(moderator.errors).toEqual([]);
        });
      });
    });
  });
});
