/// <reference types="node" />
// Administration in a real browser against the real API (built) with the demo members. The admin
// turns on two-step verification (required for admins), opens "Beheer" from the header and:
// promotes Jonas to moderator (the dialog says his sessions end and that he must set up 2FA; the
// last admin cannot be demoted, in the API's words); finds the change in the logbook filtered by
// "member."; registers an incident (the contract's check first: it cannot have happened after it
// was found), sees every field, and downloads the register as CSV; opens the statistics (a
// chart and its table, "<10" for suppressed counts, a range check and the CSV links); switches
// pre-moderation to "each member's first N" and saves after confirming; edits the
// sub-processors (an http address is refused, a row is added and removed) and the public
// /sub-processors page, linked from the footer, shows them. An, a member, has no "Beheer" link
// and is refused /admin. Axe (WCAG 2.1 A/AA, no violations of any impact) on every admin page
// and the public page.
//
// Every wait is on a condition; nothing sleeps.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const ADMIN = 'admin@demo.lesplein.test';
const OPERATOR = { name: 'Stichting Lesplein', address: 'Kerkstraat 1, 9000 Gent', privacyEmail: 'privacy@lesplein.example' };
const NATURE = 'Een gedeelde map was per vergissing openbaar';

useDemoStack({
    env: { SEED_DEMO: 'true', OPERATOR_NAME: OPERATOR.name, OPERATOR_ADDRESS: OPERATOR.address, PRIVACY_CONTACT_EMAIL: OPERATOR.privacyEmail },
  });

/** The text of the value next to a label in a <dl class="details">. */
function detail(page: Page, label: string) {
  return page.locator('.details__row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
}

describe('administration', () => {
  it('admin manages roles, reads the logbook, registers an incident, reads statistics and changes settings', async () => {
    const admin = await newTestPage(browser);
    await scenario(admin, async () => {
      const page = admin.page;
      await logInAndSetUpTwoFactor(page, stack.baseUrl, ADMIN, DEMO_PASSWORD);

      // ---- The overview, from the header.
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Beheer', exact: true }).click();
      await page.getByRole('heading', { name: 'Beheer', level: 1 }).waitFor();
      const sections = page.getByRole('list', { name: 'Onderdelen van het beheer' });
      for (const name of ['Leden en rollen', 'Logboek', 'Incidenten', 'Statistieken', 'Instellingen', 'Partners beheren']) {
        await sections.getByRole('link', { name }).waitFor();
      }
      await expectNoAxeViolations(page, '/admin', { impact: 'any' });

      // ---- Members and roles: Jonas becomes a moderator.
      await sections.getByRole('link', { name: 'Leden en rollen' }).click();
      await page.getByRole('heading', { name: 'Leden en rollen', level: 1 }).waitFor();
      const search = page.getByRole('search', { name: 'Leden zoeken' });
      await search.getByLabel('Gebruikersnaam of e-mailadres').fill('jonas');
      await search.getByRole('button', { name: 'Zoeken' }).click();
      const members = page.getByRole('table', { name: 'Gevonden leden' });
      const jonas = members.getByRole('row', { name: /Jonas Maes/ });
      await jonas.waitFor();
      await expect.poll(() => members.getByRole('row').count()).toBe(2);
      expect(await jonas.getByRole('cell').first().innerText()).toBe('Lid');
      await expectNoAxeViolations(page, '/admin/members', { impact: 'any' });

      await jonas.getByRole('button', { name: 'Rol wijzigen van Jonas Maes' }).click();
      const roleDialog = page.getByRole('alertdialog', { name: 'Rol van Jonas Maes wijzigen' });
      await roleDialog.waitFor();
      await roleDialog.getByText('Kies een andere rol dan de huidige.').waitFor();
      await roleDialog.getByRole('radio', { name: 'Moderator' }).check();
      await roleDialog.getByText('Alle sessies van Jonas Maes worden meteen beëindigd', { exact: false }).waitFor();
      await roleDialog.getByText('Als moderator moet Jonas Maes na het aanmelden eerst tweestapsverificatie instellen', { exact: false }).waitFor();
      await expectNoAxeViolations(page, '/admin/members, role dialog', { impact: 'any' });
      await roleDialog.getByRole('button', { name: 'Maak moderator' }).click();
      await page.getByText('Jonas Maes is nu moderator. De sessies van Jonas Maes zijn beëindigd.').waitFor();
      await expect.poll(() => jonas.getByRole('cell').first().innerText()).toBe('Moderator');
      // A moderator can be given the ban-list right (after confirming).
      await jonas.getByRole('button', { name: 'Recht op ban-lijst geven voor Jonas Maes' }).click();
      const grant = page.getByRole('alertdialog', { name: 'Jonas Maes toegang geven tot de ban-lijst?' });
      await grant.getByRole('button', { name: 'Recht op ban-lijst geven' }).click();
      await page.getByText('Jonas Maes heeft nu toegang tot de ban-lijst.').waitFor();
      await expect.poll(() => jonas.getByRole('cell').nth(2).innerText()).toBe('Mag inzien en bewerken');

      // The last admin stays an admin: the API's own words are shown in the dialog.
      await search.getByLabel('Gebruikersnaam of e-mailadres').fill('');
      await search.getByLabel('Rol').selectOption({ label: 'Beheerder' });
      await search.getByRole('button', { name: 'Zoeken' }).click();
      const ada = members.getByRole('row', { name: /Ada Beheer/ });
      await ada.waitFor();
      await expect.poll(() => members.getByRole('row').count()).toBe(2);
      await ada.getByRole('button', { name: 'Rol wijzigen van Ada Beheer' }).click();
      const adaDialog = page.getByRole('alertdialog', { name: 'Rol van Ada Beheer wijzigen' });
      await adaDialog.getByRole('radio', { name: 'Lid' }).check();
      await adaDialog.getByRole('button', { name: 'Maak lid' }).click();
      await adaDialog.getByRole('alert').getByText('De laatste beheerder blijft beheerder').waitFor();
      await adaDialog.getByRole('button', { name: 'Annuleren' }).click();
      await adaDialog.waitFor({ state: 'hidden' });

      // ---- The logbook, filtered by "member.".
      await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
      await page.getByRole('link', { name: 'Logboek' }).click();
      await page.getByRole('heading', { name: 'Logboek', level: 1 }).waitFor();
      const log = page.getByRole('table', { name: 'Handelingen in het logboek' });
      await log.waitFor();
      const filters = page.getByRole('form', { name: 'Logboek filteren' });
      // The contract's check first: an action is letters, "_" and ".".
      await filters.getByLabel('Handeling').fill('member role');
      await filters.getByRole('button', { name: 'Filteren' }).click();
      await expect.poll(() => filters.getByLabel('Handeling').getAttribute('aria-invalid')).toBe('true');
      await filters.getByLabel('Handeling').fill('member.');
      await filters.getByRole('button', { name: 'Filteren' }).click();
      await expect.poll(async () => (await log.getByRole('rowheader').allInnerTexts()).every((action) => action.startsWith('member.'))).toBe(true);
      const roleChange = log.getByRole('row', { name: /member\.role_changed/ });
      await roleChange.waitFor();
      const kv = (row: typeof roleChange, key: string) => row.locator('.admin-kv__row', { has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('dd');
      expect(await kv(roleChange, 'from').innerText()).toBe('member');
      expect(await kv(roleChange, 'to').innerText()).toBe('moderator');
      expect(await roleChange.getByRole('cell').nth(2).innerText()).toMatch(/^member [0-9a-f-]{36}$/);
      await log.getByRole('row', { name: /member\.ban_list_right_changed/ }).waitFor();
      expect(await log.getByRole('row', { name: /partner\./ }).count()).toBe(0);
      await expectNoAxeViolations(page, '/admin/audit', { impact: 'any' });

      // ---- The incident register: a new incident, every field, and the CSV.
      await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
      await page.getByRole('link', { name: 'Incidenten' }).click();
      await page.getByRole('heading', { name: 'Incidenten', level: 1 }).waitFor();
      await page.getByText('Er zijn nog geen incidenten geregistreerd.').waitFor();
      await page.getByRole('link', { name: 'Incident registreren' }).click();
      await page.getByRole('heading', { name: 'Incident registreren', level: 1 }).waitFor();
      const incidentForm = page.getByRole('form', { name: 'Incident registreren' });
      await incidentForm.getByLabel('Ontdekt op').fill('2026-03-02T09:30');
      await incidentForm.getByLabel('Gebeurd op').fill('2026-03-03T08:00');
      await incidentForm.getByLabel('Aard van het incident').fill(NATURE);
      await incidentForm.getByLabel('Oorzaak').fill('Een verkeerde standaardinstelling bij het delen');
      await incidentForm.getByLabel('Genomen maatregelen').fill('De map is afgeschermd en de standaard aangepast');
      await incidentForm.getByLabel('Betrokken soorten gegevens').fill('namen\ne-mailadressen\n');
      await incidentForm.getByLabel('Aantal betrokken personen').fill('12');
      await incidentForm.getByLabel('Aantal betrokken gegevensrecords').fill('40');
      await incidentForm.getByLabel('Gemeld aan de toezichthouder op').fill('2026-03-04T16:15');
      await expectNoAxeViolations(page, '/admin/incidents/new', { impact: 'any' });
      await incidentForm.getByRole('button', { name: 'Incident registreren' }).click();
      const occurred = incidentForm.getByLabel('Gebeurd op');
      await expect.poll(() => occurred.getAttribute('aria-invalid')).toBe('true');
      await incidentForm.getByText('Vóór de ontdekking').waitFor();
      await occurred.fill('2026-03-01T22:00');
      await incidentForm.getByRole('button', { name: 'Incident registreren' }).click();
      await page.getByRole('heading', { name: /^Incident ontdekt op / }).waitFor();
      await page.getByText('Het incident is geregistreerd.').waitFor();
      expect(await detail(page, 'Aard van het incident').innerText()).toBe(NATURE);
      expect(await detail(page, 'Betrokken soorten gegevens').getByRole('listitem').allInnerTexts()).toEqual(['namen', 'e-mailadressen']);
      expect(await detail(page, 'Aantal betrokken personen').innerText()).toBe('12');
      expect(await detail(page, 'Aantal betrokken gegevensrecords').innerText()).toBe('40');
      expect(await detail(page, 'Betrokkenen verwittigd op').innerText()).toBe('Niet gemeld');
      expect(await detail(page, 'Status').innerText()).toBe('Open');
      await expectNoAxeViolations(page, '/admin/incidents/:id', { impact: 'any' });

      // Edit: the people concerned were told, and the incident is closed.
      await page.getByRole('button', { name: 'Bewerken' }).click();
      const editForm = page.getByRole('form', { name: 'Incident bewerken' });
      expect(await editForm.getByLabel('Ontdekt op').inputValue()).toBe('2026-03-02T09:30');
      expect(await editForm.getByLabel('Betrokken soorten gegevens').inputValue()).toBe('namen\ne-mailadressen');
      await editForm.getByLabel('Betrokkenen verwittigd op').fill('2026-03-05T10:00');
      await editForm.getByLabel('Status').selectOption({ label: 'Afgesloten' });
      await editForm.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
      expect(await detail(page, 'Status').innerText()).toBe('Afgesloten');
      expect(await detail(page, 'Betrokkenen verwittigd op').innerText()).not.toBe('Niet gemeld');

      await page.getByRole('link', { name: 'Terug naar het incidentenregister' }).click();
      const register = page.getByRole('table', { name: 'Incidentenregister' });
      await register.getByRole('link', { name: NATURE }).waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Open' });
      await page.getByText('Geen incidenten met deze status.').waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Alle incidenten' });
      await register.getByRole('link', { name: NATURE }).waitFor();
      await expectNoAxeViolations(page, '/admin/incidents', { impact: 'any' });

      const csvLink = page.getByRole('link', { name: 'Register downloaden (CSV)' });
      expect(await csvLink.getAttribute('href')).toBe('/api/admin/incidents/export.csv');
      const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      expect(download.suggestedFilename()).toBe('incidents.csv');
      const downloaded = await fs.readFile(await download.path());
      expect(downloaded.toString('utf8')).toContain(NATURE);
      const csv = await page.request.get(`${stack.baseUrl}/api/admin/incidents/export.csv`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers()['content-disposition']).toMatch(/^attachment;.*incidents\.csv/);
      expect(await csv.text()).toContain('e-mailadressen');

      // ---- Statistics: charts with their tables, suppressed counts, range, CSV.
      await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
      await page.getByRole('link', { name: 'Statistieken' }).click();
      await page.getByRole('heading', { name: 'Statistieken', level: 1 }).waitFor();
      const activityChart = page.getByRole('img', { name: 'Actieve leden en zoekopdrachten per maand' });
      await activityChart.waitFor();
      const activityTable = page.getByRole('table', { name: 'Cijfers: Actieve leden en zoekopdrachten per maand' });
      expect(await activityTable.getByRole('row').count()).toBe(13);
      const thisMonth = new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
      const current = activityTable.getByRole('row', { name: new RegExp(`^${thisMonth}`) });
      // Two members logged in this month: fewer than 10, so suppressed.
      expect(await current.getByRole('cell').first().innerText()).toBe('<10');
      await page.getByRole('img', { name: 'Toestemmingen voor partners per maand' }).waitFor();
      await page.getByRole('table', { name: 'Cijfers: Toestemmingen voor partners per maand' }).waitFor();
      // The demo resources were published this month: a chart of totals per subject and its table.
      await page.getByRole('img', { name: 'Gepubliceerde leermiddelen per vak: totaal over de periode' }).waitFor();
      const subjects = page.getByRole('table', { name: 'Cijfers: Gepubliceerde leermiddelen per vak' });
      expect(await subjects.getByRole('row').count()).toBeGreaterThan(1);
      expect(await subjects.getByRole('cell').allInnerTexts()).toContain('<10');
      await expectNoAxeViolations(page, '/admin/statistics', { impact: 'any' });

      const range = page.getByRole('form', { name: 'Periode kiezen' });
      await range.getByLabel('Van maand').fill('2026-05');
      await range.getByLabel('Tot en met maand').fill('2026-02');
      await range.getByRole('button', { name: 'Tonen' }).click();
      await range.getByText('De eindmaand ligt vóór de beginmaand.').waitFor();
      await range.getByLabel('Van maand').fill('2025-01');
      await range.getByLabel('Tot en met maand').fill('2025-06');
      await range.getByRole('button', { name: 'Tonen' }).click();
      await page.getByText('Van januari 2025 tot en met juni 2025.').waitFor();
      expect(await activityTable.getByRole('row').count()).toBe(7);
      await page.getByText('Er werden in deze periode geen leermiddelen gepubliceerd.').first().waitFor();
      const datasets = { 'CSV downloaden: leermiddelen per vak': 'resources-by-subject', 'CSV downloaden: leermiddelen per niveau': 'resources-by-level', 'CSV downloaden: activiteit': 'activity' };
      for (const [name, dataset] of Object.entries(datasets)) {
        const href = await page.getByRole('link', { name }).getAttribute('href');
        expect(href).toBe(`/api/admin/stats/export.csv?dataset=${dataset}&from=2025-01&to=2025-06`);
        const answer = await page.request.get(`${stack.baseUrl}${href}`);
        expect(answer.status(), name).toBe(200);
        expect(answer.headers()['content-type']).toMatch(/^text\/csv/);
      }

      // ---- Settings: pre-moderation "first N", and the sub-processors.
      await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
      await page.getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
      const preModeration = page.getByRole('form', { name: 'Voorafgaande moderatie' });
      await preModeration.getByRole('radio', { name: 'De eerste leermiddelen van elk lid' }).check();
      await preModeration.getByLabel('Aantal eerste leermiddelen (N)').fill('2');
      await preModeration.getByRole('button', { name: 'Opslaan' }).click();
      const confirmMode = page.getByRole('alertdialog', { name: 'Voorafgaande moderatie wijzigen?' });
      await confirmMode.getByText('Nieuwe instelling: de eerste 2 leermiddelen van elk lid worden eerst nagekeken.').waitFor();
      await confirmMode.getByRole('button', { name: 'Wijzigen' }).click();
      await page.getByText('Opgeslagen: de eerste 2 leermiddelen van elk lid worden eerst nagekeken.').waitFor();
      const setting = await page.request.get(`${stack.baseUrl}/api/admin/settings/pre-moderation`);
      expect(await setting.json()).toEqual({ mode: 'first_n', firstN: 2 });

      const processors = page.getByRole('form', { name: 'Verwerkers' });
      await processors.getByText('Er staan nog geen verwerkers op de lijst.').waitFor();
      await processors.getByRole('button', { name: 'Verwerker toevoegen' }).click();
      const first = processors.getByRole('group', { name: 'Verwerker 1' });
      await expect.poll(() => first.getByLabel('Naam').evaluate((element) => element === document.activeElement)).toBe(true);
      await first.getByLabel('Naam').fill('Hostingbedrijf BV');
      await first.getByLabel('Dienst').fill('Hosting van de servers en de database');
      await first.getByLabel('Locatie').fill('België');
      await first.getByLabel('Website').fill('http://hosting.example');
      await processors.getByRole('button', { name: 'Verwerker toevoegen' }).click();
      const second = processors.getByRole('group', { name: 'Verwerker 2' });
      await second.getByLabel('Naam').fill('Te verwijderen');
      await expectNoAxeViolations(page, '/admin/settings', { impact: 'any' });
      await second.getByRole('button', { name: 'Verwijderen Te verwijderen' }).click();
      await second.waitFor({ state: 'detached' });
      // Only https addresses: the contract refuses http before anything is sent.
      await processors.getByRole('button', { name: 'Lijst opslaan' }).click();
      await expect.poll(() => first.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');
      await first.getByLabel('Website').fill('https://hosting.example');
      await processors.getByRole('button', { name: 'Lijst opslaan' }).click();
      const publish = page.getByRole('alertdialog', { name: 'Lijst met verwerkers publiceren?' });
      await publish.getByText('De openbare pagina toont daarna deze ene verwerker', { exact: false }).waitFor();
      await publish.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByText('De lijst is opgeslagen: 1 verwerker.').waitFor();

      // ---- The public page, from the footer.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Verwerkers en partners' }).click();
      await page.getByRole('heading', { name: 'Verwerkers en partners', level: 1 }).waitFor();
      expect(await detail(page, 'Naam').innerText()).toBe(OPERATOR.name);
      expect(await detail(page, 'Adres').innerText()).toBe(OPERATOR.address);
      expect(await detail(page, 'Contact voor privacyvragen').getByRole('link').getAttribute('href')).toBe(`mailto:${OPERATOR.privacyEmail}`);
      const table = page.getByRole('table', { name: 'Verwerkers' });
      const row = table.getByRole('row', { name: /Hostingbedrijf BV/ });
      await row.waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Hosting van de servers en de database', 'België', expect.stringContaining('https://hosting.example/')]);
      await page.getByText('Er zijn nog geen actieve partners.').waitFor();
      await page.getByRole('link', { name: 'Alle partners en hun privacybijsluiters' }).waitFor();
      await expectNoAxeViolations(page, '/sub-processors', { impact: 'any' });

      // The settings change and the new list are in the logbook.
      await page.goto(`${stack.baseUrl}/admin/audit`);
      const settingsLog = page.getByRole('table', { name: 'Handelingen in het logboek' });
      await settingsLog.getByRole('row', { name: /settings\.sub_processors_changed/ }).waitFor();
      await settingsLog.getByRole('row', { name: /settings\.pre_moderation_changed/ }).waitFor();
      await settingsLog.getByRole('row', { name: /incident\.registered/ }).waitFor();

      expect(admin.errors).toEqual([]);
    });
  });

  it('a member gets no administration link and is refused the pages', async () => {
    const member = await newTestPage(browser);
    await scenario(member, async () => {
      const page = member.page;
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Mijn profiel' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Beheer', exact: true }).count()).toBe(0);
      for (const path of ['/admin', '/admin/members', '/admin/statistics']) {
        await page.goto(`${stack.baseUrl}${path}`);
        await page.getByRole('heading', { name: 'Alleen voor beheerders', level: 1 }).waitFor();
      }
      const refused = await page.request.get(`${stack.baseUrl}/api/admin/members`);
      expect(refused.status()).toBe(403);
      // The public page is for everyone.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Verwerkers en partners' }).click();
      await page.getByRole('heading', { name: 'Verwerkers en partners', level: 1 }).waitFor();
      expect(member.errors).toEqual([]);
    });
  });
});
