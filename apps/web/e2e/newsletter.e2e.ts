/// <reference types="node" />
// Newsletters with consent in a real browser against the real API (built): An opts in on her
// notification settings (off until then); the admin (2FA set up first) sends a newsletter from
// "Nieuwsbrieven" after a confirmation naming the number of recipients; An's copy arrives (real
// SMTP listener) with the one-click headers, and its link unsubscribes her in a browser without a
// session; her settings then show the choice and where it was made. Axe (no violation of any
// impact) on every page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import { linkIn } from './support/stack.js';
import { expectNoAxeViolations, logIn, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const ADMIN = 'admin@demo.lesplein.test';

useDemoStack();

describe('newsletter', () => {
  it('a member opts in, the admin sends, the mail unsubscribes with one click', async () => {
    const member = await newTestPage(browser);
    await scenario(member, async () => {
      const page = member.page;
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.goto(`${stack.baseUrl}/account/notifications`);
      const section = page.getByRole('region', { name: 'Nieuwsbrieven en uitnodigingen' });
      const optIn = section.getByLabel('Stuur me nieuwsbrieven en uitnodigingen');
      await optIn.waitFor();
      expect(await optIn.isChecked()).toBe(false);
      await section.getByText('Je hebt nog niet gekozen; je krijgt niets.').waitFor();
      await optIn.check();
      await section.getByText(/^Aangevinkt op /).waitFor();
      await expectNoAxeViolations(page, '/account/notifications', { impact: 'any' });
      expect(member.errors).toEqual([]);
    });

    const admin = await newTestPage(browser);
    await scenario(admin, async () => {
      const page = admin.page;
      await logInAndSetUpTwoFactor(page, stack.baseUrl, ADMIN, DEMO_PASSWORD);
      await page.goto(`${stack.baseUrl}/admin`);
      await page.getByRole('main').getByRole('link', { name: 'Nieuwsbrieven', exact: true }).click();
      await page.getByRole('heading', { name: 'Nieuwsbrieven', level: 1 }).waitFor();
      await page.getByText('1 lid wil nieuwsbrieven ontvangen.').waitFor();
      await expectNoAxeViolations(page, '/admin/newsletters', { impact: 'any' });

      await page.getByLabel('Onderwerp (Nederlands)').fill('Uitnodiging: Lesplein-dag');
      await page.getByLabel('Tekst (Nederlands)').fill('Kom op 12 maart naar de Lesplein-dag in Gent.');
      await page.getByLabel('Onderwerp (Engels)').fill('Invitation: Lesplein day');
      await page.getByLabel('Tekst (Engels)').fill('Join the Lesplein day in Ghent on 12 March.');
      await page.getByRole('button', { name: 'Versturen…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Nieuwsbrief versturen?' });
      await dialog.getByText('De nieuwsbrief gaat naar 1 lid. Verstuurd is verstuurd.').waitFor();
      await expectNoAxeViolations(page, '/admin/newsletters, confirmation', { impact: 'any' });
      await dialog.getByRole('button', { name: 'Versturen', exact: true }).click();
      await page.getByText('De nieuwsbrief gaat naar 1 lid.', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Verstuurde nieuwsbrieven' }).getByRole('rowheader', { name: 'Uitnodiging: Lesplein-dag' }).waitFor();
      expect(admin.errors).toEqual([]);
    });

    const mail = await stack.mail.waitFor(AN, /Uitnodiging: Lesplein-dag/);
    expect(mail.text).toContain('Kom op 12 maart naar de Lesplein-dag in Gent.');
    expect(mail.rawHeaders['list-unsubscribe']).toMatch(/\/api\/newsletter\/unsubscribe\?token=/);
    expect(mail.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The link in the mail, opened in a browser without a session.
    const reader = await newTestPage(browser);
    await scenario(reader, async () => {
      const page = reader.page;
      await page.goto(linkIn(mail.text, '/newsletter/unsubscribe?token='));
      await page.getByRole('heading', { name: 'Uitschrijven voor nieuwsbrieven', level: 1 }).waitFor();
      await expectNoAxeViolations(page, '/newsletter/unsubscribe', { impact: 'any' });
      await page.getByRole('button', { name: 'Uitschrijven', exact: true }).click();
      await page.getByText('Je bent uitgeschreven. Je krijgt geen nieuwsbrieven en uitnodigingen meer.').waitFor();
      expect(reader.errors).toEqual([]);
    });

    const again = await newTestPage(browser);
    await scenario(again, async () => {
      const page = again.page;
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.goto(`${stack.baseUrl}/account/notifications`);
      const section = page.getByRole('region', { name: 'Nieuwsbrieven en uitnodigingen' });
      await section.getByText(/^Uitgezet op /).waitFor();
      expect(await section.getByLabel('Stuur me nieuwsbrieven en uitnodigingen').isChecked()).toBe(false);
    });
  });
});
