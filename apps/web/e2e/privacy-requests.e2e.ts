/// <reference types="node" />
// Requests to the data protection officer in a real browser against the real API (built): a
// visitor files an objection from the footer's "Contact en privacyverzoeken" with their e-mail
// address and is told the deadline; the admin (2FA set up first) opens "Verzoeken" from the
// administration overview, finds it in the queue, assigns it to herself and answers; the answer
// arrives by e-mail (real SMTP listener). Axe (no violation of any impact) on every page.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, logInAndSetUpTwoFactor, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const ADMIN = 'admin@demo.lesplein.test';
const VISITOR = 'bezoeker@example.org';

useDemoStack();

describe('privacy requests', () => {
  it('a visitor files an objection; the admin assigns and answers it; the answer is e-mailed', async () => {
    const visitor = await newTestPage(browser);
    await scenario(visitor, async () => {
      const page = visitor.page;
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Contact en privacyverzoeken' }).click();
      await page.getByRole('heading', { name: 'Contact en privacyverzoeken', level: 1 }).waitFor();
      await expectNoAxeViolations(page, '/contact', { impact: 'any' });

      // Sent without an address: the field says what is wrong.
      await page.getByLabel('Waarover gaat het?').selectOption('objection');
      await page.getByLabel('Je bericht').fill('Ik maak bezwaar tegen het gebruik van mijn gegevens voor statistieken.');
      await page.getByRole('button', { name: 'Versturen' }).click();
      await expect(page.getByLabel('Je e-mailadres').getAttribute('aria-invalid')).resolves.toBe('true');

      await page.getByLabel('Je e-mailadres').fill(VISITOR);
      await page.getByLabel('Je naam (niet verplicht)').fill('Bert');
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.getByText('Je bericht is verstuurd.').waitFor();
      await page.getByText(/^We antwoorden uiterlijk op /).waitFor();
      await expectNoAxeViolations(page, '/contact, sent', { impact: 'any' });
      expect(visitor.errors).toEqual([]);
    });

    const admin = await newTestPage(browser);
    await scenario(admin, async () => {
      const page = admin.page;
      await logInAndSetUpTwoFactor(page, stack.baseUrl, ADMIN, DEMO_PASSWORD);
      await page.goto(`${stack.baseUrl}/admin`);
      await page.getByRole('main').getByRole('link', { name: 'Verzoeken', exact: true }).click();
      await page.getByRole('heading', { name: 'Verzoeken', level: 1 }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Bert' });
      await row.getByRole('cell', { name: 'Open' }).waitFor();
      await expectNoAxeViolations(page, '/admin/privacy-requests', { impact: 'any' });

      await row.getByRole('link', { name: 'Bezwaar tegen de verwerking' }).click();
      await page.getByRole('heading', { name: 'Verzoek', level: 1 }).waitFor();
      await page.getByText('Ik maak bezwaar tegen het gebruik van mijn gegevens voor statistieken.').waitFor();
      await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
      await page.getByRole('button', { name: 'Vrijgeven' }).waitFor();
      await expectNoAxeViolations(page, '/admin/privacy-requests/:id', { impact: 'any' });

      await page.getByLabel('Antwoord aan de aanvrager').fill('We gebruiken je gegevens niet meer voor statistieken.');
      await page.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.getByRole('heading', { name: 'Beantwoord', level: 2 }).waitFor();
      expect(admin.errors).toEqual([]);
    });

    const mail = await stack.mail.waitFor(VISITOR, /Antwoord op je verzoek/);
    expect(mail.text).toContain('Dag Bert,');
    expect(mail.text).toContain('We gebruiken je gegevens niet meer voor statistieken.');
  });
});
