/// <reference types="node" />
// Deleting one's account in a real browser against the real API (built) with the demo members:
// An (who shared resources) opens the security page, chooses to have her resources removed,
// confirms with her password, is signed out and told when the deletion will happen; log-in is
// refused meanwhile; the e-mailed link shows the state and cancels the deletion, after which she
// can log in again.
// Axe finds no violation of any impact on the pages involved.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import { linkIn } from './support/stack.js';
import { expectNoAxeViolations, logIn, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const WRONG_PASSWORD = 'Dit wachtwoord klopt niet.';

useDemoStack();

describe('deleting one\'s account', () => {
  it('asks for the password and the choice, locks the account, and the e-mailed link cancels it', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.goto(`${stack.baseUrl}/account/security`);
      const section = page.getByRole('region', { name: 'Account verwijderen' });
      await section.getByRole('button', { name: 'Mijn account verwijderen…' }).click();
      await section.getByLabel('Verwijder ze ook').check();
      await expectNoAxeViolations(page, '/account/security (delete account)', { impact: 'any' });

      // Without the confirmation box, and with a wrong password: clear errors, nothing happens.
      await section.getByLabel('Wachtwoord', { exact: true }).fill('niet-mijn-wachtwoord');
      await section.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await section.getByText('Vink aan dat je dit begrijpt.').waitFor();
      await section.getByLabel('Ik begrijp dat mijn account en gegevens definitief verwijderd worden.').check();
      await section.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await section.getByText(WRONG_PASSWORD).waitFor();

      await section.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
      await section.getByRole('button', { name: 'Account definitief verwijderen' }).click();
      await page.getByRole('heading', { name: 'Je account wordt verwijderd', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/account-deletion/requested');
      await page.getByText(/Je account wordt verwijderd op \d+ \w+ \d{4}\./).waitFor();
      await expectNoAxeViolations(page, '/account-deletion/requested', { impact: 'any' });

      // Signed out; log-in is refused with a word on how to keep the account.
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByText('Dit account wordt verwijderd.', { exact: false }).waitFor();

      const mail = await stack.mail.waitFor(AN, /Je account wordt verwijderd/);
      expect(mail.text).toMatch(/Je leermiddelen en reacties worden mee verwijderd/);
      await page.goto(linkIn(mail.text, '/account-deletion/'));
      await page.getByRole('heading', { name: 'Verwijdering van je account', level: 1 }).waitFor();
      await page.getByText('Je koos om je leermiddelen en reacties mee te verwijderen.').waitFor();
      await expectNoAxeViolations(page, '/account-deletion/:token', { impact: 'any' });
      await page.getByRole('button', { name: 'Verwijdering annuleren' }).click();
      await page.getByText('De verwijdering is geannuleerd').waitFor();
      await stack.mail.waitFor(AN, /Verwijdering van je account geannuleerd/);

      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
    });
  });
});
