/// <reference types="node" />
// Member accounts in a real browser against the real API (built), a real SMTP listener and an
// embedded PostgreSQL: register → confirm by mail → log in → turn on two-step verification →
// log out → log in with a TOTP code. Then the profile and security pages (visibility, consent
// and withdrawal, photo upload, password and e-mail change, sessions, recovery codes, password
// reset), a moderator held on the security page until 2FA is on, axe checks, the log-in
// redirect for /account/* and the language switch.
//
// Every wait is on a condition (a heading, a mail, a URL); the only timed wait is for the next
// 30-second TOTP window, computed from the clock, because the API refuses a code twice.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { linkIn } from './support/stack.js';
import { expectNoAxeViolations, logIn as logInAs, newTestPage, pngImage, scenario, setUpTwoFactor, type TestPage } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const TOTP_PERIOD_SECONDS = 30;

/** Seeded on first start when SEED_DEMO is on (listed in the project README). */
const DEMO_MODERATOR = { email: 'moderator@demo.lesplein.test', password: 'Lesplein-demo-2026' };

// Demo members include a moderator, whose role requires two-step verification.
useDemoStack();

/** A fresh browser profile (cookies, storage) with Dutch as the browser language. */
const newPage = (): Promise<TestPage> => newTestPage(browser);

function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

const step = (epochSeconds: number) => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
const nowSeconds = () => Date.now() / 1000;

/** Waits until the clock is in a later TOTP window than `usedStep` (the API refuses reuse). */
async function waitForTotpStepAfter(usedStep: number): Promise<void> {
  const nextWindowStartsAt = (usedStep + 1) * TOTP_PERIOD_SECONDS * 1000;
  const wait = nextWindowStartsAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 250));
}

/** Registers through the UI, confirms the address from the mail and logs in. */
async function signUpAndLogIn(page: Page, firstName: string, lastName: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(firstName.toLowerCase());
  const password = 'schoolbord-en-krijt-17';
  await page.goto(`${stack.baseUrl}/register`);
  await page.getByLabel('Voornaam').fill(firstName);
  await page.getByLabel('Familienaam').fill(lastName);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Registreren', exact: true }).click();
  const mail = await stack.mail.waitFor(email, /Bevestig je e-mailadres/, 30_000);
  await page.goto(linkIn(mail.text, '/verify-email?token='));
  await page.getByText('Je e-mailadres is bevestigd').waitFor();
  await logIn(page, email, password);
  await page.getByRole('heading', { name: `Dag ${firstName}!` }).waitFor();
  return { email, password };
}

function logIn(page: Page, email: string, password: string): Promise<void> {
  return logInAs(page, stack.baseUrl, email, password);
}

describe('member account', () => {
  it('registers, confirms the address, turns on 2FA and logs in with a TOTP code', async () => {
    const tp = await newPage();
    const { page, errors } = tp;
    await scenario(tp, async () => {
      const email = uniqueEmail('an');
      const password = 'krijtbord-en-passer-42';

      // Register.
      await page.goto(`${stack.baseUrl}/register`);
      await page.getByLabel('Voornaam').fill('An');
      await page.getByLabel('Familienaam').fill('Peeters');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Registreren', exact: true }).click();
      await page.getByRole('heading', { name: 'Bevestig je e-mailadres' }).waitFor();

      // Open the verification link from the mail.
      const mail = await stack.mail.waitFor(email, /Bevestig je e-mailadres/, 30_000);
      await page.goto(linkIn(mail.text, '/verify-email?token='));
      await page.getByText('Je e-mailadres is bevestigd').waitFor();
      await page.getByRole('link', { name: 'Naar aanmelden' }).click();

      // Log in with the password only.
      await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.getByText('Aangemeld als An Peeters').waitFor();

      // The profile page: checked by axe while we are here.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' }).click();
      await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Profiel opslaan' }).waitFor();
      await expectNoAxeViolations(page, '/account/profile');

      // Turn on two-step verification with a code computed from the secret shown on the page.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beveiliging' }).click();
      await page.getByRole('heading', { name: 'Beveiliging', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
      const secretField = page.getByLabel('Geheime sleutel');
      await secretField.waitFor();
      await page.getByRole('img', { name: /QR-code/ }).waitFor();
      const secret = (await secretField.inputValue()).replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await expectNoAxeViolations(page, '/account/security (2FA set-up)');

      const enableEpoch = nowSeconds();
      const enableCode = await generate({ secret, epoch: Math.floor(enableEpoch) });
      await page.getByLabel('Code', { exact: true }).fill(enableCode);
      await page.getByRole('button', { name: 'Tweestapsverificatie inschakelen' }).click();
      const codes = page.getByRole('region', { name: 'Je herstelcodes' });
      await codes.waitFor();
      const recoveryCodes = await codes.getByRole('listitem').allTextContents();
      expect(recoveryCodes.length).toBeGreaterThan(0);
      for (const code of recoveryCodes) expect(code.trim()).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/i);
      await page.getByText('Tweestapsverificatie staat aan.').waitFor();
      await page.getByRole('button', { name: 'Ik heb mijn codes bewaard' }).click();

      // Log out.
      await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
      await page.getByText('Je bent afgemeld.').waitFor();
      const me = await page.request.get(`${stack.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);

      // Log in again: now a second step asks for the code.
      await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).click();
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
      const codeField = page.getByLabel('Code', { exact: true });
      expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');

      await waitForTotpStepAfter(step(enableEpoch));
      const loginCode = await generate({ secret, epoch: Math.floor(nowSeconds()) });
      expect(loginCode).not.toBe(enableCode);
      await codeField.fill(loginCode);
      await page.getByRole('button', { name: 'Bevestigen' }).click();

      // Signed in.
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.getByText('Aangemeld als An Peeters').waitFor();
      const after = await page.request.get(`${stack.baseUrl}/api/auth/me`);
      expect(after.status()).toBe(200);
      expect(await after.json()).toMatchObject({ email, firstName: 'An', twoFactorEnabled: true });

      expect(errors, 'uncaught errors in the page').toEqual([]);
    });
  });

  it('sends a moderator without 2FA to the security page until it is on', async () => {
    const tp = await newPage();
    const { page } = tp;
    await scenario(tp, async () => {
      await logIn(page, DEMO_MODERATOR.email, DEMO_MODERATOR.password);
      await page.getByRole('heading', { name: 'Beveiliging', level: 1 }).waitFor();
      await page.getByText('Tweestapsverificatie is verplicht').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/security');

      // Other member pages lead back here; public pages say why.
      await page.goto(`${stack.baseUrl}/account/profile`);
      await page.getByRole('heading', { name: 'Beveiliging', level: 1 }).waitFor();
      await page.goto(`${stack.baseUrl}/`);
      await page.getByText('Als moderator of beheerder moet je eerst tweestapsverificatie inschakelen.').waitFor();

      await page.getByRole('link', { name: 'Nu instellen' }).click();
      await setUpTwoFactor(page);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' }).click();
      await page.getByRole('heading', { name: 'Mijn profiel', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Profiel opslaan' }).waitFor();
    });
  });

  it('sends signed-out visitors of /account/* to the log-in page', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.baseUrl}/account/security`);
    await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account/security');
    await context.close();
  });
});

describe('profile and security pages', () => {
  it('saves profile details with visibility, stores and erases an optional field with consent, uploads a photo', async () => {
    const tp = await newPage();
    const { page } = tp;
    await scenario(tp, async () => {
      await signUpAndLogIn(page, 'Bert', 'Janssens');
      await page.goto(`${stack.baseUrl}/account/profile`);
      const details = page.getByRole('form', { name: 'Persoonsgegevens' });
      await details.getByRole('button', { name: 'Profiel opslaan' }).waitFor();
      await details.getByLabel('Woonplaats', { exact: true }).fill('Gent');
      await details.getByLabel('School', { exact: true }).fill('Sint-Lukas');
      await details.getByLabel('Zichtbaarheid van School').selectOption('public');
      await details.getByLabel('Functie', { exact: true }).selectOption('teacher');
      await details.getByRole('checkbox', { name: 'Frans' }).check();
      await details.getByRole('checkbox', { name: 'Lager onderwijs (algemeen)' }).check();
      await details.getByRole('button', { name: 'Profiel opslaan' }).click();
      await details.getByText('Je profiel is opgeslagen.').waitFor();

      // An optional field is only stored with the consent box ticked.
      const about = page.getByRole('form', { name: 'Over mij' });
      await about.getByRole('textbox', { name: 'Over mij' }).fill('Ik geef Frans in de lagere school.');
      await about.getByRole('button', { name: 'Over mij opslaan' }).click();
      await about.getByText('Vink aan dat je toestemming geeft').waitFor();
      expect(await about.getByRole('checkbox').getAttribute('aria-invalid')).toBe('true');
      await about.getByRole('checkbox', { name: /toestemming/ }).check();
      await about.getByLabel('Zichtbaarheid van Over mij').selectOption('public');
      await about.getByRole('button', { name: 'Over mij opslaan' }).click();
      await about.getByText('‘Over mij’ is opgeslagen.').waitFor();

      // A website that is not http(s) is refused next to the field.
      const website = page.getByRole('form', { name: 'Website' });
      await website.getByRole('textbox', { name: 'Website' }).fill('ftp://example.org');
      await website.getByRole('checkbox', { name: /toestemming/ }).check();
      await website.getByRole('button', { name: 'Website opslaan' }).click();
      const websiteField = website.getByRole('textbox', { name: 'Website' });
      await website.locator('.field__error').waitFor();
      expect(await websiteField.getAttribute('aria-invalid')).toBe('true');

      // Photo: preview, consent, upload.
      const photo = page.getByRole('form', { name: 'Profielfoto' });
      await photo.getByLabel('Kies een foto').setInputFiles({ name: 'bert.png', mimeType: 'image/png', buffer: pngImage() });
      await page.getByRole('img', { name: 'Voorbeeld van de gekozen foto' }).waitFor();
      await photo.getByRole('checkbox', { name: /toestemming/ }).check();
      await photo.getByLabel('Zichtbaarheid van Profielfoto').selectOption('public');
      await photo.getByRole('button', { name: 'Foto uploaden' }).click();
      await photo.getByText('Je foto is opgeslagen.').waitFor();

      // Others see what is public, and nothing that is private.
      const visitor = await browser.newContext({ locale: 'nl-BE' });
      const view = await visitor.newPage();
      await view.goto(`${stack.baseUrl}/members/bert-janssens`);
      await view.getByRole('heading', { name: 'Bert Janssens', exact: true }).waitFor();
      await view.getByText('Sint-Lukas').waitFor();
      await view.getByText('Ik geef Frans in de lagere school.').waitFor();
      await view.getByRole('img', { name: 'Profielfoto van Bert Janssens' }).waitFor();
      expect(await view.getByText('Gent').count(), 'place of residence is private').toBe(0);

      // Withdrawing consent erases the field.
      page.once('dialog', (dialog) => void dialog.accept());
      await about.getByRole('button', { name: 'Toestemming intrekken en Over mij wissen' }).click();
      await about.getByText('Je toestemming is ingetrokken').waitFor();
      expect(await about.getByRole('textbox', { name: 'Over mij' }).inputValue()).toBe('');
      await view.reload();
      await view.getByRole('heading', { name: 'Bert Janssens', exact: true }).waitFor();
      expect(await view.getByText('Ik geef Frans in de lagere school.').count()).toBe(0);
      await visitor.close();
    });
  });

  it('changes password and e-mail address, ends another session, uses a recovery code, resets a forgotten password', async () => {
    const tp = await newPage();
    const { page } = tp;
    await scenario(tp, async () => {
      const { email, password } = await signUpAndLogIn(page, 'Chris', 'Maes');
      await page.goto(`${stack.baseUrl}/account/profile`);

      // Wrong current password: the message stands next to that field.
      const passwordForm = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
      await passwordForm.getByLabel('Huidig wachtwoord').fill('not-my-password');
      await passwordForm.getByLabel('Nieuw wachtwoord').fill('nieuwe-krijtjes-2026');
      await passwordForm.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await passwordForm.getByText('Dit wachtwoord klopt niet.').waitFor();
      await passwordForm.getByLabel('Huidig wachtwoord').fill(password);
      await passwordForm.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await passwordForm.getByText('Je wachtwoord is gewijzigd.').waitFor();
      let currentPassword = 'nieuwe-krijtjes-2026';

      // New e-mail address, confirmed from the mail sent to it.
      const newEmail = uniqueEmail('chris-new');
      const emailForm = page.getByRole('form', { name: 'E-mailadres wijzigen' });
      await emailForm.getByLabel('Nieuw e-mailadres').fill(newEmail);
      await emailForm.getByLabel('Huidig wachtwoord').fill(currentPassword);
      await emailForm.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
      await emailForm.getByText('We hebben een bevestigingslink gestuurd').waitFor();
      const confirmation = await stack.mail.waitFor(newEmail, /Bevestig je nieuwe e-mailadres/, 30_000);
      await page.goto(linkIn(confirmation.text, '/confirm-email?token='));
      await page.getByText('Je nieuwe e-mailadres is bevestigd').waitFor();
      expect(newEmail).not.toBe(email);

      // A second device; end its session from the first.
      const other = await browser.newContext({ locale: 'nl-BE' });
      const otherPage = await other.newPage();
      await logIn(otherPage, newEmail, currentPassword);
      await otherPage.getByRole('heading', { name: 'Dag Chris!' }).waitFor();
      await page.goto(`${stack.baseUrl}/account/security`);
      await page.getByRole('button', { name: /^Sessie beëindigen/ }).click();
      await page.getByText('De sessie is beëindigd.').waitFor();
      await page.getByText('Je bent nergens anders aangemeld.').waitFor();
      expect((await otherPage.request.get(`${stack.baseUrl}/api/auth/me`)).status()).toBe(401);
      await other.close();

      // 2FA on; a wrong code is refused next to the field.
      await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
      const secret = await page.getByLabel('Geheime sleutel').inputValue();
      await page.getByLabel('Code', { exact: true }).fill('000000');
      await page.getByRole('button', { name: 'Tweestapsverificatie inschakelen' }).click();
      await page.getByText('Deze code klopt niet').waitFor();
      await page.getByLabel('Code', { exact: true }).fill(await generate({ secret }));
      await page.getByRole('button', { name: 'Tweestapsverificatie inschakelen' }).click();
      await page.getByRole('region', { name: 'Je herstelcodes' }).waitFor();
      await page.getByRole('button', { name: 'Ik heb mijn codes bewaard' }).click();

      // New recovery codes; log in with one of them.
      const regenerate = page.getByRole('form', { name: 'Nieuwe herstelcodes' });
      await regenerate.getByLabel('Wachtwoord').fill(currentPassword);
      await regenerate.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
      const newCodes = page.getByRole('region', { name: 'Je herstelcodes' });
      await newCodes.getByRole('listitem').first().waitFor();
      const codes = (await newCodes.getByRole('listitem').allTextContents()).map((c) => c.trim());
      expect(codes.length).toBeGreaterThan(1);
      await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
      await page.getByText('Je bent afgemeld.').waitFor();
      await logIn(page, newEmail, currentPassword);
      await page.getByLabel('Code', { exact: true }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByRole('heading', { name: 'Dag Chris!' }).waitFor();

      // Turn 2FA off again with another recovery code.
      await page.goto(`${stack.baseUrl}/account/security`);
      const disable = page.getByRole('form', { name: 'Tweestapsverificatie uitschakelen' });
      await disable.getByLabel('Wachtwoord').fill(currentPassword);
      await disable.getByLabel('Code').fill(codes[1]!);
      await disable.getByRole('button', { name: 'Tweestapsverificatie uitschakelen' }).click();
      await page.getByText('Tweestapsverificatie staat uit.').first().waitFor();

      // Forgot the password: reset it from the mail, then log in with the new one.
      await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
      await page.getByText('Je bent afgemeld.').waitFor();
      await page.goto(`${stack.baseUrl}/forgot-password`);
      await page.getByLabel('E-mailadres').fill(newEmail);
      await page.getByRole('button', { name: 'Herstellink versturen' }).click();
      await page.getByText('Als er een account bestaat voor dit adres').waitFor();
      const reset = await stack.mail.waitFor(newEmail, /Nieuw wachtwoord/, 30_000);
      await page.goto(linkIn(reset.text, '/reset-password?token='));
      currentPassword = 'derde-krijtje-van-de-dag';
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(currentPassword);
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${currentPassword}!`);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(currentPassword);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByText('Je wachtwoord is gewijzigd. Meld je aan').waitFor();
      await logIn(page, newEmail, currentPassword);
      await page.getByRole('heading', { name: 'Dag Chris!' }).waitFor();
    });
  });
});

describe('accessibility and language', () => {
  for (const [path, heading] of [
    ['/', 'Leermiddelen delen met collega\'s'],
    ['/register', 'Registreren'],
    ['/login', 'Aanmelden'],
  ] as const) {
    it(`has no serious or critical axe violations on ${path}`, async () => {
      const { context, page, errors } = await newPage();
      await page.goto(`${stack.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expectNoAxeViolations(page, path);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('switches to English and remembers the choice', async () => {
    const { context, page } = await newPage();
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
    const english = page.getByRole('button', { name: /^EN/ });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page, '/login (English)');
    await page.reload();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
