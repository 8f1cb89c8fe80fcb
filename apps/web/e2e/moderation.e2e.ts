/// <reference types="node" />
// Moderation in a real browser against the real API (built) with the demo members.
// Jonas reports An's resource as spam and Fatima's for copyright (the dialog's reasons carry a
// category). Mo, the demo moderator, sets up two-step verification, opens the queue from the
// header, filters by category, takes the report and hides the resource with a statement of
// reasons after confirming; the copyright report is dismissed in bulk. An gets the statement by
// mail, finds the decision under "Beslissingen" and appeals. Mo sees that he took the decision
// and cannot decide the appeal; Rik, a member the admin promotes to moderator (registered and
// confirmed through the API, as the API tests' factories would, then 2FA in the browser),
// overturns it: the resource is public again. The admin turns pre-moderation on through the
// API; Fatima's two publications wait in the review queue, Mo approves one and rejects the other,
// and the link in Fatima's statement mail lets a signed-out visitor appeal (a wrong token is
// refused). Mo, without the ban-list right, is told so; the admin adds, reads and removes an
// entry. Axe (WCAG 2.1 A/AA, no violations at all) on the queue, the decision form, the appeals,
// the member's decisions page and the appeal-with-token page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AdminMemberPage } from '@lesplein/contracts/admin-members';
import type { ResourceDetail } from '@lesplein/contracts/resource';
import { linkIn } from './support/stack.js';
import { apiCall, expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, type TestPage } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const JONAS = 'jonas.maes@demo.lesplein.test';
const FATIMA = 'fatima.elamrani@demo.lesplein.test';
const MODERATOR = 'moderator@demo.lesplein.test';
const ADMIN = 'admin@demo.lesplein.test';
const RIK = 'rik.claes@example.org';
const RIK_PASSWORD = 'Rik-moderatie-2026!';
/** Published by An and by Fatima in the demo data. */
const AN_TITLE = 'Breuken vergelijken met de getallenlijn';
const FATIMA_TITLE = 'Woordenschat NT2: op de markt';
const STATEMENT = /Een beslissing van de moderatoren over jou/;

useDemoStack();

/** Opens a demo resource from the home page's latest resources. */
async function openFromHome(page: Page, title: string): Promise<string> {
  await page.goto(`${stack.baseUrl}/`);
  await page.getByRole('region', { name: 'Nieuwste leermiddelen' }).getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return page.url();
}

/** Runs the scenario with several browser profiles; a failure says where each page was and what the API answered. */
async function scenarios(pages: Record<string, TestPage>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    for (const [name, tp] of Object.entries(pages)) expect(tp.errors, `uncaught errors in ${name}'s page`).toEqual([]);
  } catch (error) {
    const reports = await Promise.all(
      Object.entries(pages).map(async ([name, tp]) => {
        const main = await tp.page.locator('main').innerText({ timeout: 2_000 }).catch(() => '(no main)');
        return [`== ${name}: ${tp.page.url()}`, main.slice(0, 1_200), `API:\n${tp.apiCalls.slice(-15).join('\n') || '(none)'}`, `Page errors: ${tp.errors.join('\n') || '(none)'}`].join('\n');
      }),
    );
    if (error instanceof Error) error.message = `${error.message}\n\n${reports.join('\n\n')}`;
    throw error;
  } finally {
    await Promise.all(Object.values(pages).map((tp) => tp.context.close()));
  }
}

describe('moderation', () => {
  it('reports with a category, a decision with a statement of reasons, an appeal overturned by another moderator, the review queue, the appeal link and the ban list', { timeout: 300_000 }, async () => {
    const pages = {
      jonas: await newTestPage(browser),
      mod: await newTestPage(browser),
      an: await newTestPage(browser),
      admin: await newTestPage(browser),
      rik: await newTestPage(browser),
      fatima: await newTestPage(browser),
      visitor: await newTestPage(browser),
    };
    await scenarios(pages, async () => {
      // ---- Jonas reports two resources; the reason he picks carries the category.
      const jp = pages.jonas.page;
      await logIn(jp, stack.baseUrl, JONAS, DEMO_PASSWORD);
      await jp.getByRole('heading', { name: 'Dag Jonas!' }).waitFor();
      const anResourceUrl = await openFromHome(jp, AN_TITLE);
      await jp.getByRole('button', { name: 'Melden dit leermiddel' }).click();
      const dialog = jp.getByRole('dialog', { name: 'Leermiddel melden' });
      await dialog.getByRole('radio', { name: 'Spam of reclame' }).check();
      await dialog.getByLabel('Toelichting (niet verplicht)').fill('Verwijst naar een betalende bijlesdienst.');
      const reported = jp.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: 'Melding versturen' }).click();
      expect((await reported).status()).toBe(201);
      expect((await reported).request().postDataJSON()).toEqual({ targetType: 'resource', target: anResourceUrl.split('/').at(-1), category: 'spam', reason: 'Spam of reclame: Verwijst naar een betalende bijlesdienst.' });
      await jp.getByText('Bedankt. Een moderator bekijkt je melding.').first().waitFor();

      await openFromHome(jp, FATIMA_TITLE);
      await jp.getByRole('button', { name: 'Melden dit leermiddel' }).click();
      const second = jp.getByRole('dialog', { name: 'Leermiddel melden' });
      await second.getByRole('radio', { name: 'Schendt auteursrecht' }).check();
      const reportedSecond = jp.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
      await second.getByRole('button', { name: 'Melding versturen' }).click();
      expect((await reportedSecond).request().postDataJSON()).toMatchObject({ category: 'copyright', reason: 'Schendt auteursrecht' });
      await jp.getByText('Bedankt. Een moderator bekijkt je melding.').first().waitFor();

      // ---- Mo: 2FA, the queue from the header, filters, take, decide.
      const mp = pages.mod.page;
      await logInAndSetUpTwoFactor(mp, stack.baseUrl, MODERATOR, DEMO_PASSWORD);
      await mp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Moderatie' }).click();
      await mp.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
      const reports = mp.getByRole('list', { name: 'Meldingen' });
      await expect.poll(() => reports.getByRole('listitem').count()).toBe(2);
      await expectNoAxeViolations(mp, '/moderation/reports', { impact: 'any' });

      await mp.getByLabel('Categorie').selectOption({ label: 'Spam of reclame' });
      await expect.poll(() => new URL(mp.url()).search).toBe('?category=spam');
      await expect.poll(() => reports.getByRole('listitem').count()).toBe(1);
      const spam = reports.getByRole('listitem').first();
      await spam.getByText('Verwijst naar een betalende bijlesdienst.', { exact: false }).waitFor();
      await spam.getByText('Door niemand genomen').waitFor();
      expect(await spam.getByRole('link', { name: 'Leermiddel bekijken' }).getAttribute('href')).toBe(new URL(anResourceUrl).pathname);
      await spam.getByRole('button', { name: /^Nemen Spam of reclame, Leermiddel/ }).click();
      await mp.getByText('Je nam de melding.').waitFor();
      await spam.getByText('Genomen door jou').waitFor();
      await mp.getByLabel('Genomen door', { exact: true }).selectOption({ label: 'Genomen door mij' });
      await expect.poll(() => new URL(mp.url()).searchParams.get('assigned')).toBe('me');
      await reports.getByRole('button', { name: /^Teruggeven Spam of reclame/ }).waitFor();

      await reports.getByRole('button', { name: /^Beslissen Spam of reclame/ }).click();
      const decide = mp.getByRole('dialog', { name: 'Beslissen over een melding' });
      await expectNoAxeViolations(mp, 'the decision form', { impact: 'any' });
      // Nothing chosen: the form says what is missing and puts focus on it.
      await decide.getByRole('button', { name: 'Nakijken en bevestigen' }).click();
      await expect.poll(() => decide.getByRole('radio', { name: 'Verbergen' }).getAttribute('aria-invalid')).toBe('true');
      await decide.getByRole('radio', { name: 'Verbergen' }).check();
      await decide.getByLabel('Toegepaste regel').fill('Gebruiksvoorwaarden 4.2: geen reclame');
      await decide.getByLabel('Motivering').fill('Het leermiddel verwijst op de eerste pagina naar een betalende bijlesdienst.');
      await decide.getByRole('button', { name: 'Nakijken en bevestigen' }).click();
      const summary = decide.getByRole('group', { name: 'Klopt deze beslissing?' });
      await summary.getByText('Het lid krijgt de motivering per e-mail', { exact: false }).waitFor();
      await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
      const decided = mp.waitForResponse((r) => r.url().endsWith('/api/moderation/decisions') && r.request().method() === 'POST');
      await summary.getByRole('button', { name: 'Beslissing bevestigen' }).click();
      expect((await decided).status()).toBe(201);
      expect((await decided).request().postDataJSON()).toMatchObject({ targetType: 'resource', action: 'hide', ground: 'Gebruiksvoorwaarden 4.2: geen reclame' });
      await decide.waitFor({ state: 'hidden' });
      await mp.getByText('Je beslissing is opgeslagen (Verbergen).', { exact: false }).waitFor();
      await mp.getByText('Geen meldingen met deze filters.').waitFor();

      // The other report: dismissed in bulk, after confirming; it is then under "Geseponeerd".
      await mp.goto(`${stack.baseUrl}/moderation/reports`);
      await expect.poll(() => reports.getByRole('listitem').count()).toBe(1);
      await reports.getByRole('checkbox', { name: /^Selecteren: Auteursrecht, Leermiddel/ }).check();
      await mp.getByText('1 melding geselecteerd').waitFor();
      await mp.getByRole('button', { name: 'Selectie seponeren' }).click();
      const dismiss = mp.getByRole('alertdialog', { name: 'Deze melding seponeren?' });
      await dismiss.getByRole('button', { name: 'Seponeren' }).click();
      await mp.getByText('1 melding geseponeerd.').waitFor();
      await mp.getByText('Geen meldingen met deze filters.').waitFor();
      await mp.getByLabel('Status').selectOption({ label: 'Geseponeerd' });
      await reports.getByRole('listitem').first().getByText('Auteursrecht · Leermiddel').waitFor();

      // ---- The resource is hidden from visitors; An gets the statement of reasons and appeals.
      const vp = pages.visitor.page;
      await vp.goto(anResourceUrl);
      await vp.getByRole('heading', { name: 'Leermiddel niet gevonden', level: 1 }).waitFor();
      const statement = await stack.mail.waitFor(AN, STATEMENT);
      expect(statement.text).toContain('Gebruiksvoorwaarden 4.2: geen reclame');
      expect(linkIn(statement.text, '/account/decisions/')).toMatch(/\/account\/decisions\/[0-9a-f-]{36}\?token=[0-9a-f]{64}$/);

      const anp = pages.an.page;
      await logIn(anp, stack.baseUrl, AN, DEMO_PASSWORD);
      await anp.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await anp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beslissingen' }).click();
      await anp.getByRole('heading', { name: 'Beslissingen over mij', level: 1 }).waitFor();
      const decision = anp.getByRole('article', { name: /^Je bijdrage werd verborgen/ });
      await decision.getByText('Het leermiddel verwijst op de eerste pagina naar een betalende bijlesdienst.').waitFor();
      await decision.getByText('Gebruiksvoorwaarden 4.2: geen reclame').waitFor();
      await decision.getByText('Je kunt één keer bezwaar maken.').waitFor();
      await expectNoAxeViolations(anp, '/account/decisions', { impact: 'any' });
      await decision.getByRole('button', { name: /^Bezwaar maken/ }).click();
      await decision.getByRole('button', { name: 'Bezwaar indienen' }).click();
      await expect.poll(() => decision.getByLabel('Je bezwaar').getAttribute('aria-invalid')).toBe('true');
      await decision.getByLabel('Je bezwaar').fill('Die link is een gratis oefenplatform van de school, geen reclame.');
      await decision.getByRole('button', { name: 'Bezwaar indienen' }).click();
      await decision.getByText('Je bezwaar is ingediend.', { exact: false }).waitFor();
      await decision.getByText(/^Je maakte bezwaar op /).waitFor();
      expect(await decision.getByRole('button', { name: /^Bezwaar maken/ }).count()).toBe(0);

      // ---- Mo took the decision: the appeals tab says so, without a form.
      await mp.getByRole('navigation', { name: 'Onderdelen van de moderatie' }).getByRole('link', { name: 'Bezwaren' }).click();
      await mp.getByRole('heading', { name: 'Bezwaren', level: 1 }).waitFor();
      const ownAppeal = mp.getByRole('article', { name: 'Bezwaar van An Peeters tegen ‘Verbergen’' });
      await ownAppeal.getByText('Jij nam deze beslissing').waitFor();
      await ownAppeal.getByText('Die link is een gratis oefenplatform van de school, geen reclame.').waitFor();
      expect(await ownAppeal.getByRole('button', { name: 'Beslissen' }).count()).toBe(0);
      await expectNoAxeViolations(mp, '/moderation/appeals', { impact: 'any' });

      // ---- Rik: registered and confirmed, made moderator by the admin, 2FA; he overturns.
      const ap = pages.admin.page;
      await logInAndSetUpTwoFactor(ap, stack.baseUrl, ADMIN, DEMO_PASSWORD);
      const rp = pages.rik.page;
      await apiCall(rp, stack.baseUrl, 'POST', '/api/auth/register', { email: RIK, password: RIK_PASSWORD, firstName: 'Rik', lastName: 'Claes' });
      const confirmation = await stack.mail.waitFor(RIK, /Bevestig je e-mailadres/, 30_000);
      const token = new URL(linkIn(confirmation.text, '/verify-email?token=')).searchParams.get('token');
      await apiCall(rp, stack.baseUrl, 'POST', '/api/auth/verify-email', { token });
      const found = await apiCall<AdminMemberPage>(ap, stack.baseUrl, 'GET', `/api/admin/members?query=${encodeURIComponent('rik.claes')}`);
      expect(found.items).toHaveLength(1);
      await apiCall(ap, stack.baseUrl, 'PUT', `/api/admin/members/${found.items[0]!.handle}/role`, { role: 'moderator' });
      await logInAndSetUpTwoFactor(rp, stack.baseUrl, RIK, RIK_PASSWORD);
      await rp.goto(`${stack.baseUrl}/moderation/appeals`);
      const appeal = rp.getByRole('article', { name: 'Bezwaar van An Peeters tegen ‘Verbergen’' });
      await appeal.getByText('Mo Derator', { exact: true }).waitFor();
      expect(await appeal.getByText('Jij nam deze beslissing').count()).toBe(0);
      await appeal.getByRole('radio', { name: 'Beslissing terugdraaien' }).check();
      await appeal.getByLabel('Uitleg voor het lid').fill('Het is een gratis platform van de school; het leermiddel komt terug.');
      await appeal.getByRole('button', { name: 'Beslissen' }).click();
      const overturn = rp.getByRole('alertdialog', { name: 'De beslissing terugdraaien?' });
      await overturn.getByRole('button', { name: 'Beslissing terugdraaien' }).click();
      await rp.getByText('Het bezwaar van An Peeters is aanvaard; de beslissing is teruggedraaid.').waitFor();
      await rp.getByText('Er zijn geen open bezwaren.').waitFor();

      // The resource is public again; An sees the outcome.
      await vp.goto(anResourceUrl);
      await vp.getByRole('heading', { name: AN_TITLE, level: 1 }).waitFor();
      await stack.mail.waitFor(AN, /Je bezwaar is aanvaard/);
      await anp.reload();
      await anp.getByRole('article', { name: /^Je bijdrage werd verborgen/ }).getByText(/^Aanvaard op .*: de beslissing is teruggedraaid\.$/).waitFor();

      // ---- Pre-moderation: Fatima's publications wait; Mo approves one and rejects the other.
      await apiCall(ap, stack.baseUrl, 'PUT', '/api/admin/settings/pre-moderation', { mode: 'all', firstN: 1 });
      const fp = pages.fatima.page;
      await logIn(fp, stack.baseUrl, FATIMA, DEMO_PASSWORD);
      await fp.getByRole('heading', { name: 'Dag Fatima!' }).waitFor();
      const publish = async (title: string) => {
        const draft = await apiCall<ResourceDetail>(fp, stack.baseUrl, 'POST', '/api/resources', {
          title,
          description: 'Oefeningen voor **nieuwkomers**.',
          type: 'website',
          link: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          licence: 'CC-BY-SA',
          subjects: ['nt2'],
          levels: ['okan'],
          ageMin: 12,
          ageMax: 16,
          keywords: ['nt2'],
        });
        const published = await apiCall<ResourceDetail>(fp, stack.baseUrl, 'POST', `/api/resources/${draft.id}/publish`);
        expect(published.state).toBe('pending_review');
        return draft.id;
      };
      const approvedTitle = 'Getallen tot 100 in het Nederlands';
      const rejectedTitle = 'Kleuren en kleren';
      const approvedId = await publish(approvedTitle);
      await publish(rejectedTitle);
      await vp.goto(`${stack.baseUrl}/resources/${approvedId}`);
      await vp.getByRole('heading', { name: 'Leermiddel niet gevonden', level: 1 }).waitFor();

      await mp.getByRole('navigation', { name: 'Onderdelen van de moderatie' }).getByRole('link', { name: 'Nazicht vóór publicatie' }).click();
      await mp.getByRole('heading', { name: 'Nazicht vóór publicatie', level: 1 }).waitFor();
      const waiting = mp.getByRole('list', { name: 'Leermiddelen die wachten op nazicht' });
      await expect.poll(() => waiting.getByRole('listitem').count()).toBe(2);
      await waiting.getByRole('button', { name: `Goedkeuren ${approvedTitle}` }).click();
      await mp.getByText(`‘${approvedTitle}’ is goedgekeurd en gepubliceerd.`).waitFor();
      await waiting.getByRole('button', { name: `Afwijzen ${rejectedTitle}` }).click();
      const reject = mp.getByRole('dialog', { name: `‘${rejectedTitle}’ afwijzen` });
      await reject.getByLabel('Toegepaste regel').fill('Gebruiksvoorwaarden 3.1: eigen werk');
      await reject.getByLabel('Motivering').fill('De afbeeldingen komen uit een handboek zonder vermelding van de bron.');
      await reject.getByRole('button', { name: 'Afwijzen en motivering versturen' }).click();
      await reject.waitFor({ state: 'hidden' });
      await mp.getByText(`‘${rejectedTitle}’ is afgewezen.`, { exact: false }).waitFor();
      await mp.getByText('Er wachten geen leermiddelen op nazicht.').waitFor();
      await vp.goto(`${stack.baseUrl}/resources/${approvedId}`);
      await vp.getByRole('heading', { name: approvedTitle, level: 1 }).waitFor();

      // ---- The appeal link from Fatima's statement works signed out; a wrong token is refused.
      const rejection = await stack.mail.waitFor(FATIMA, STATEMENT);
      const appealLink = linkIn(rejection.text, '/account/decisions/');
      const wrong = appealLink.replace(/token=([0-9a-f]{63})[0-9a-f]$/, (_all, start: string) => `token=${start}${appealLink.endsWith('0') ? '1' : '0'}`);
      expect(wrong).not.toBe(appealLink);
      await vp.goto(wrong);
      await vp.getByRole('heading', { name: 'Bezwaar maken tegen een beslissing', level: 1 }).waitFor();
      await vp.getByText('De beslissing, de motivering en de toegepaste regel staan in de e-mail', { exact: false }).waitFor();
      await vp.getByLabel('Je bezwaar').fill('Ik maakte de afbeeldingen zelf met mijn leerlingen.');
      await vp.getByRole('button', { name: 'Bezwaar indienen' }).click();
      await vp.getByText('Met deze link kun je geen bezwaar maken.', { exact: false }).waitFor();

      await vp.goto(appealLink);
      await vp.getByRole('heading', { name: 'Bezwaar maken tegen een beslissing', level: 1 }).waitFor();
      await expectNoAxeViolations(vp, '/account/decisions/:id?token=…', { impact: 'any' });
      await vp.getByRole('button', { name: 'Bezwaar indienen' }).click();
      await expect.poll(() => vp.getByLabel('Je bezwaar').getAttribute('aria-invalid')).toBe('true');
      await vp.getByLabel('Je bezwaar').fill('Ik maakte de afbeeldingen zelf met mijn leerlingen.');
      const sent = vp.waitForResponse((r) => r.url().includes('/appeal-with-token') && r.request().method() === 'POST');
      await vp.getByRole('button', { name: 'Bezwaar indienen' }).click();
      expect((await sent).status()).toBe(201);
      await vp.getByText('Je bezwaar is ingediend').waitFor();
      await vp.getByText('Je leermiddel werd na nazicht niet gepubliceerd', { exact: false }).waitFor();
      await vp.getByText('De afbeeldingen komen uit een handboek zonder vermelding van de bron.').waitFor();
      expect((await vp.request.get(`${stack.baseUrl}/api/auth/me`)).status()).toBe(401);

      // ---- The ban list: Mo lacks the right and is told so; the admin adds, reads and removes an entry.
      // No tab for a moderator without the right; the page itself says so when opened by its address.
      expect(await mp.getByRole('navigation', { name: 'Onderdelen van de moderatie' }).getByRole('link', { name: 'Verbanningslijst' }).count()).toBe(0);
      await mp.goto(`${stack.baseUrl}/moderation/ban-list`);
      await mp.getByRole('heading', { name: 'Verbanningslijst', level: 1 }).waitFor();
      await mp.getByText('Je hebt het recht op de verbanningslijst niet').waitFor();
      expect(await mp.getByRole('button', { name: 'Op de verbanningslijst zetten' }).count()).toBe(0);

      await ap.goto(`${stack.baseUrl}/moderation/ban-list`);
      await ap.getByText('De verbanningslijst is leeg.').waitFor();
      await ap.getByRole('navigation', { name: 'Onderdelen van de moderatie' }).getByRole('link', { name: 'Verbanningslijst' }).waitFor();
      const add = ap.getByRole('form', { name: 'Adres verbannen' });
      await add.getByLabel('E-mailadres').fill('reclame.bureau@example.org');
      await add.getByLabel('Reden').fill('Plaatst telkens reclame voor bijles.');
      await add.getByRole('checkbox', { name: 'Het adres zelf bewaren (versleuteld)' }).check();
      await add.getByRole('button', { name: 'Op de verbanningslijst zetten' }).click();
      const confirmAdd = ap.getByRole('alertdialog', { name: 'Dit adres verbannen?' });
      await confirmAdd.getByText('reclame.bureau@example.org', { exact: false }).waitFor();
      await confirmAdd.getByRole('button', { name: 'Op de verbanningslijst zetten' }).click();
      await ap.getByText('Het adres staat op de verbanningslijst. 0 accounts werden meteen vergrendeld.').waitFor();
      const entries = ap.getByRole('table', { name: 'Verbannen adressen' });
      await entries.getByText('Plaatst telkens reclame voor bijles.').waitFor();
      await ap.getByText('Elke keer dat je een bewaard adres toont', { exact: false }).waitFor();
      await entries.getByRole('button', { name: /^Adres tonen/ }).click();
      await entries.getByText('reclame.bureau@example.org').waitFor();
      await entries.getByRole('button', { name: /^Verwijderen/ }).click();
      const confirmRemove = ap.getByRole('alertdialog', { name: 'Dit item verwijderen?' });
      await confirmRemove.getByRole('button', { name: 'Item verwijderen' }).click();
      await ap.getByText('Het item is van de verbanningslijst verwijderd.').waitFor();
      await ap.getByText('De verbanningslijst is leeg.').waitFor();
    });
  });
});
