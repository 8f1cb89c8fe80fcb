/// <reference types="node" />
// Partners (OpenID Connect) in a real browser against the real API (built) with the demo members.
// The admin turns on two-step verification, adds a partner through the admin form (its secret is
// shown once) and one through the admin API; both names carry HTML that must stay text. The admin
// uploads the second partner's logo (a PNG generated here). An, not signed in, opens that partner's
// authorisation URL (PKCE, built here with node:crypto), is sent to log in, comes back to the
// consent screen (the logo, served by Lesplein; look-alike warning, categories, notice),
// unticks her e-mail address with the keyboard and allows. The redirect to the partner's
// redirect URI (a host that does not exist) is intercepted: code and state arrive; the code is exchanged at the token
// endpoint and userinfo holds only the categories she granted. Under "Externe autorisaties" she
// sees the partner and what it received, and withdraws her consent after confirming: the old
// access token is refused at once. The admin then edits the look-alike, publishes a new notice
// version, replaces its secret, suspends and reactivates it. Axe on the consent screen, the
// authorisations page and the admin's partner page; the consent page may not be framed.
//
// Every wait is on a condition; nothing sleeps.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PartnerCreated } from '@lesplein/contracts/partner';
import { apiCall, expectNoAxeViolations, logInAndSetUpTwoFactor, newTestPage, pngImage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';
const ADMIN = 'admin@demo.lesplein.test';

/** HTML in a partner's name: it must render as text and never run. */
const XSS = '<img src=x onerror="window.__xss=1">';
/** The partner An consents to (registered through the admin API). */
const PARTNER_NAME = `Leesland ${XSS}`;
/** A look-alike ("1" for "l"), added through the admin form first. */
const DECOY_NAME = `Lees1and ${XSS}`;
const REDIRECT_URI = 'https://leesland.example/callback';
const PARTNER_ORIGIN = 'https://leesland.example';

useDemoStack();

/** Nothing the payload carried ran, and no element it described exists in the page. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
}

/** What a partner's server does: discovery, then an authorisation request with PKCE (S256) and state. */
async function authorizationRequest(clientId: string, scope: string) {
  const response = await fetch(`${stack.baseUrl}/oidc/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  const discovery = (await response.json()) as Discovery;
  expect(discovery.issuer).toBe(`${stack.baseUrl}/oidc`);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope,
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), verifier, state, discovery };
}

describe('partners', () => {
  it('admin adds partners; a member consents to some categories, sees what was shared and withdraws', async () => {
    const admin = await newTestPage(browser);
    const member = await newTestPage(browser);
    await scenario(admin, async () => {
      await scenario(member, async () => {
        // ---- The admin: two-step verification first, then the partner pages.
        const ap = admin.page;
        await logInAndSetUpTwoFactor(ap, stack.baseUrl, ADMIN, DEMO_PASSWORD);

        await ap.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Partners beheren' }).click();
        await ap.getByRole('heading', { name: 'Partners beheren', level: 1 }).waitFor();
        await ap.getByText('Er zijn nog geen partners.').waitFor();
        await ap.getByRole('link', { name: 'Partner toevoegen' }).click();
        await ap.getByRole('heading', { name: 'Partner toevoegen', level: 1 }).waitFor();

        // The form checks with the contract first: a javascript: address is refused.
        await ap.getByRole('button', { name: 'Partner toevoegen' }).click();
        await expect.poll(() => ap.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
        await ap.getByLabel('Naam', { exact: true }).fill(DECOY_NAME);
        await ap.getByLabel('Juridische naam').fill('Lees1and BV');
        await ap.getByLabel('Adres', { exact: true }).fill('Stationsstraat 1\n2000 Antwerpen');
        await ap.getByLabel('E-mailadres voor contact').fill('contact@lees1and.example');
        await ap.getByLabel('E-mailadres van de functionaris voor gegevensbescherming').fill('dpo@lees1and.example');
        await ap.getByLabel('Website', { exact: true }).fill('javascript:alert(1)');
        await ap.getByLabel('Adres van het privacybeleid').fill('https://lees1and.example/privacy');
        await ap.getByLabel("Redirect-URI's").fill('https://lees1and.example/callback');
        await ap.getByRole('group', { name: 'Gegevens die de partner mag vragen' }).getByRole('checkbox', { name: /^Je naam/ }).check();
        await ap.getByLabel('Dienst').fill('Leesoefeningen');
        await ap.getByLabel('Doeleinden').fill('Je leesresultaten bijhouden');
        await ap.getByRole('group', { name: 'Gegevens in de bijsluiter' }).getByRole('checkbox', { name: /^Je naam/ }).check();
        await ap.getByLabel('Bewaartermijn').fill('Een schooljaar');
        await ap.getByLabel('Opslaglocatie').fill('België');
        await ap.getByRole('button', { name: 'Partner toevoegen' }).click();
        const website = ap.getByLabel('Website', { exact: true });
        await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
        await expect.poll(() => ap.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('url');
        await website.fill('https://lees1and.example');
        await ap.getByRole('button', { name: 'Partner toevoegen' }).click();
        const credentials = ap.getByRole('region', { name: 'Client-id en geheim' });
        await credentials.waitFor();
        await ap.getByRole('heading', { name: `${DECOY_NAME} is toegevoegd`, level: 1 }).waitFor();
        await credentials.getByText('Dit is de enige keer dat je het geheim ziet', { exact: false }).waitFor();
        expect((await credentials.getByTestId('client-secret').innerText()).length).toBeGreaterThan(20);
        await expectInert(ap);
        await credentials.getByRole('button', { name: 'Ik heb het bewaard: naar de partner' }).click();
        await ap.getByRole('heading', { name: DECOY_NAME, level: 1 }).waitFor();

        // The partner An will meet: registered through the admin API.
        const created = await apiCall<PartnerCreated>(ap, stack.baseUrl, 'POST', '/api/admin/partners', {
          name: PARTNER_NAME,
          legalName: 'Leesland NV',
          address: 'Kerkstraat 1, 9000 Gent',
          contactEmail: 'contact@leesland.example',
          dpoEmail: 'dpo@leesland.example',
          websiteUrl: PARTNER_ORIGIN,
          privacyPolicyUrl: `${PARTNER_ORIGIN}/privacy`,
          redirectUris: [REDIRECT_URI],
          allowedScopes: ['openid', 'profile', 'email', 'school', 'teaching'],
          notice: {
            serviceDescription: 'Digitale leesboeken bij de methode',
            purposes: 'Een account aanmaken en boeken tonen die passen bij je klas',
            dataCategories: ['openid', 'profile', 'email', 'school', 'teaching'],
            retention: 'Tot 1 jaar na het laatste gebruik',
            storageLocation: 'Europese Unie',
            subProcessors: ['Hostingbedrijf BV'],
          },
        });
        const { clientId, clientSecret } = created.credentials;
        expect(clientSecret).toBeTruthy();
        await ap.goto(`${stack.baseUrl}/admin/partners`);
        const table = ap.getByRole('table', { name: 'Alle partners' });
        await table.getByRole('link', { name: PARTNER_NAME }).waitFor();
        await table.getByRole('link', { name: DECOY_NAME }).waitFor();
        await expectInert(ap);

        // Its logo: uploaded by the admin, re-encoded and served by the platform itself.
        await table.getByRole('link', { name: PARTNER_NAME }).click();
        await ap.getByRole('heading', { name: PARTNER_NAME, level: 1 }).waitFor();
        const logoSection = ap.getByRole('region', { name: 'Logo' });
        await logoSection.getByText('Deze partner heeft nog geen logo.', { exact: false }).waitFor();
        await logoSection.getByLabel('Kies een logo').setInputFiles({ name: 'leesland.png', mimeType: 'image/png', buffer: pngImage(96, [200, 60, 20]) });
        await logoSection.getByRole('img', { name: 'Voorbeeld van het gekozen bestand' }).waitFor();
        await logoSection.getByRole('button', { name: 'Logo uploaden' }).click();
        await logoSection.getByText('Het logo is opgeslagen.').waitFor();
        const currentLogo = logoSection.getByRole('img', { name: `Logo van ${PARTNER_NAME}` });
        await currentLogo.waitFor();
        expect(await currentLogo.getAttribute('src')).toMatch(new RegExp(`^/api/partners/${created.partner.id}/logo\\?v=\\d+$`));
        await expect.poll(() => currentLogo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(96);
        await logoSection.getByRole('button', { name: 'Logo verwijderen' }).waitFor();
        await expectNoAxeViolations(ap, '/admin/partners/:id with a logo', { impact: 'any' });
        await expectInert(ap);

        // ---- The member, not signed in, arrives from the partner.
        const page = member.page;
        // Playwright routes only the first request of a redirect chain, so the partner's redirect
        // URI (a host that does not exist) is intercepted where the chain starts: the provider's
        // answer to the decision. Its redirect to the partner is recorded and the partner's page
        // is served in its place.
        const callbacks: URL[] = [];
        await page.route(
          (url) => url.origin === stack.baseUrl && url.pathname.startsWith('/oidc/auth/'),
          async (route) => {
            const response = await route.fetch({ maxRedirects: 0 });
            const location = response.headers()['location'] ?? '';
            if (!location.startsWith(REDIRECT_URI)) return route.fulfill({ response });
            callbacks.push(new URL(location));
            return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="nl"><title>Leesland</title><h1>Terug bij Leesland</h1></html>' });
          },
        );
        const request = await authorizationRequest(clientId, 'openid profile email school teaching');
        const consentDocument = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/consent/') && response.request().resourceType() === 'document');
        await page.goto(request.url);
        const consentResponse = await consentDocument;
        const headers = consentResponse.headers();
        expect(headers['x-frame-options'] === 'DENY' || /frame-ancestors 'none'/.test(headers['content-security-policy'] ?? '')).toBe(true);
        const consentPath = new URL(consentResponse.url()).pathname;
        expect(consentPath).toMatch(/^\/consent\/[A-Za-z0-9_-]+$/);

        // Sent to log in, and back to the consent screen afterwards.
        await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === consentPath);
        await page.getByLabel('E-mailadres').fill(AN);
        await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
        await page.waitForURL((url) => url.pathname === consentPath);
        await page.getByRole('heading', { name: PARTNER_NAME, level: 1 }).waitFor();

        // The logo the admin uploaded, from Lesplein itself (never from the partner's host).
        const consentLogo = page.locator('.partner-head img.partner-logo').first();
        expect(await consentLogo.getAttribute('src')).toMatch(new RegExp(`^/api/partners/${created.partner.id}/logo\\?v=\\d+$`));
        await expect.poll(() => consentLogo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);

        // Who asks, the look-alike warning, the notice and the privacy policy.
        await page.getByText(`De naam ${PARTNER_NAME} lijkt op die van een andere partner, ${DECOY_NAME}.`, { exact: false }).waitFor();
        await page.getByText('Controleer dat je echt naar leesland.example wilt gaan', { exact: false }).waitFor();
        await page.getByText('Leesland NV').waitFor();
        const policy = page.getByRole('link', { name: `Privacybeleid van ${PARTNER_NAME}` }).first();
        expect(await policy.getAttribute('href')).toBe(`${PARTNER_ORIGIN}/privacy`);
        expect(await policy.getAttribute('rel')).toBe('noopener noreferrer');
        await page.getByText('Privacybijsluiter (versie 1)', { exact: false }).click();
        await page.getByText('Digitale leesboeken bij de methode').waitFor();
        await page.getByText('Hostingbedrijf BV').waitFor();
        await expectInert(page);

        // The categories: the pseudonym always, the others ticked; untick the e-mail address with the keyboard.
        const scopes = page.getByRole('group', { name: `Gegevens voor ${PARTNER_NAME}` });
        const pseudonym = scopes.getByRole('checkbox', { name: /^Een pseudoniem/ });
        expect(await pseudonym.isChecked()).toBe(true);
        expect(await pseudonym.isDisabled()).toBe(true);
        for (const name of ['Je naam', 'Je e-mailadres', 'Je school en je functie', 'De vakken en niveaus waarin je lesgeeft']) {
          expect(await scopes.getByRole('checkbox', { name }).isChecked(), name).toBe(true);
        }
        await expectNoAxeViolations(page, '/consent/:uid', { impact: 'any' });
        await scopes.getByRole('checkbox', { name: 'Je naam' }).focus();
        await page.keyboard.press('Tab');
        const email = scopes.getByRole('checkbox', { name: 'Je e-mailadres' });
        await expect.poll(() => email.evaluate((element) => element === document.activeElement)).toBe(true);
        await page.keyboard.press('Space');
        await expect.poll(() => email.isChecked()).toBe(false);

        await page.getByRole('button', { name: 'Toestaan', exact: true }).click();
        await page.getByRole('heading', { name: 'Terug bij Leesland' }).waitFor();
        expect(callbacks).toHaveLength(1);
        const callback = callbacks[0]!;
        expect(callback.searchParams.get('state')).toBe(request.state);
        const code = callback.searchParams.get('code');
        expect(code).toBeTruthy();
        const iss = callback.searchParams.get('iss');
        if (iss !== null) expect(iss).toBe(request.discovery.issuer);

        // The partner's server exchanges the code and reads userinfo: only the granted categories.
        const tokenResponse = await fetch(request.discovery.token_endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret ?? '')}`).toString('base64')}`,
          },
          body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT_URI, code_verifier: request.verifier }),
        });
        const tokens = (await tokenResponse.json()) as { access_token?: string; scope?: string };
        expect(tokenResponse.status, JSON.stringify(tokens)).toBe(200);
        const accessToken = tokens.access_token!;
        const userinfo = await fetch(request.discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(userinfo.status).toBe(200);
        const claims = (await userinfo.json()) as Record<string, unknown>;
        expect(claims).toMatchObject({ name: 'An Peeters', given_name: 'An', family_name: 'Peeters', school: 'Basisschool De Regenboog' });
        expect(claims.subjects).toEqual(expect.arrayContaining(['nederlands', 'wiskunde']));
        expect(claims).not.toHaveProperty('email');
        expect(claims).not.toHaveProperty('email_verified');
        expect(typeof claims.sub).toBe('string');

        // ---- "Externe autorisaties": the partner, what it received, withdrawal.
        await page.goto(`${stack.baseUrl}/`);
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Externe autorisaties' }).click();
        await page.getByRole('heading', { name: 'Externe autorisaties', level: 1 }).waitFor();
        const card = page.getByRole('article', { name: PARTNER_NAME });
        await card.waitFor();
        const row = (label: string) => card.locator('.details__row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
        expect(await row('Gedeeld').innerText()).toBe('pseudoniem, naam, school en functie, vakken en niveaus');
        expect(await row('Niet gedeeld').innerText()).toBe('e-mailadres');
        expect(await row('Laatst gegevens ontvangen').innerText()).not.toBe('Nog nooit');
        await card.getByRole('link', { name: 'dpo@leesland.example' }).first().waitFor();
        await card.getByText(`Wat ${PARTNER_NAME} al van je ontving, valt onder de verantwoordelijkheid van ${PARTNER_NAME}.`, { exact: false }).waitFor();
        expect(await card.getByRole('link', { name: /^Toestemmingsbewijs downloaden/ }).getAttribute('href')).toMatch(/^\/api\/account\/authorisations\/[0-9a-f-]+\/receipt$/);

        await card.getByText(`Wanneer kreeg ${PARTNER_NAME} welke gegevens?`).click();
        const history = card.getByRole('list', { name: `Wanneer kreeg ${PARTNER_NAME} welke gegevens?` });
        await history.getByRole('listitem').first().waitFor();
        expect(await history.getByRole('listitem').first().innerText()).toContain('bij het aanmelden · pseudoniem, naam, school en functie, vakken en niveaus');
        await expectInert(page);
        await expectNoAxeViolations(page, '/account/authorisations', { impact: 'any' });

        await card.getByRole('button', { name: `Toestemming voor ${PARTNER_NAME} intrekken` }).click();
        const confirm = page.getByRole('alertdialog', { name: `Toestemming voor ${PARTNER_NAME} intrekken?` });
        await confirm.waitFor();
        await confirm.getByRole('button', { name: 'Toestemming intrekken' }).click();
        await page.getByText(`Je toestemming voor ${PARTNER_NAME} is ingetrokken.`).waitFor();
        await page.getByText('Je hebt nog geen enkele partner toestemming gegeven.').waitFor();
        await page.getByText('1 ingetrokken toestemming tonen').click();
        await page.getByRole('list', { name: 'Ingetrokken toestemmingen' }).getByRole('heading', { name: PARTNER_NAME }).waitFor();

        // The token the partner holds stops working at once.
        const after = await fetch(request.discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(after.status).toBe(401);

        // The public list of partners, from the footer.
        await page.getByRole('contentinfo').getByRole('link', { name: 'Partners en hun privacybijsluiters' }).click();
        await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
        await page.getByRole('article', { name: PARTNER_NAME }).getByText('Digitale leesboeken bij de methode').waitFor();
        await page.getByRole('article', { name: DECOY_NAME }).waitFor();
        await expectInert(page);
        expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Partners beheren' }).count()).toBe(0);

        // The admin sees the consent that was withdrawn, then edits the look-alike, publishes a
        // new notice version, replaces its secret, suspends and reactivates it.
        await ap.goto(`${stack.baseUrl}/admin/partners/${created.partner.id}`);
        await ap.getByRole('heading', { name: PARTNER_NAME, level: 1 }).waitFor();
        const consents = ap.locator('.details__row', { has: ap.locator('dt', { hasText: /^Actieve toestemmingen$/ }) }).locator('dd');
        expect(await consents.innerText()).toBe('0');
        await expectInert(ap);
        await ap.goto(`${stack.baseUrl}/admin/partners`);
        await ap.getByRole('table', { name: 'Alle partners' }).getByRole('link', { name: DECOY_NAME }).click();
        await ap.getByRole('heading', { name: DECOY_NAME, level: 1 }).waitFor();
        await expectNoAxeViolations(ap, '/admin/partners/:id', { impact: 'any' });

        await ap.getByRole('button', { name: 'Bewerken' }).click();
        const edit = ap.getByRole('form', { name: `${DECOY_NAME} bewerken` });
        await edit.getByLabel('Juridische naam').fill('Lees1and Uitgaven BV');
        await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
        await ap.getByText('De wijzigingen zijn opgeslagen.').waitFor();
        await ap.getByText('Lees1and Uitgaven BV').waitFor();

        await ap.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
        const noticeForm = ap.getByRole('form', { name: 'Privacybijsluiter, versie 2' });
        await noticeForm.getByLabel('Bewaartermijn').fill('Twee schooljaren');
        await noticeForm.getByRole('button', { name: 'Versie publiceren' }).click();
        await ap.getByText('Versie 2 van de privacybijsluiter is gepubliceerd.').waitFor();
        await ap.getByText('Twee schooljaren').waitFor();
        await ap.getByText('1 eerdere versie').waitFor();

        await ap.getByRole('button', { name: 'Nieuw geheim maken' }).click();
        const rotate = ap.getByRole('alertdialog', { name: `Nieuw geheim voor ${DECOY_NAME}?` });
        await rotate.getByRole('button', { name: 'Nieuw geheim maken' }).click();
        const newCredentials = ap.getByRole('region', { name: 'Client-id en geheim' });
        await newCredentials.getByTestId('client-secret').waitFor();
        await newCredentials.getByRole('button', { name: 'Ik heb het bewaard' }).click();

        await ap.getByRole('button', { name: 'Partner schorsen' }).click();
        const suspend = ap.getByRole('alertdialog', { name: `${DECOY_NAME} schorsen?` });
        await suspend.getByRole('button', { name: 'Schorsen' }).click();
        await ap.getByText(`${DECOY_NAME} is geschorst.`).waitFor();
        await ap.getByText('Geschorst', { exact: true }).waitFor();
        await ap.getByRole('button', { name: 'Partner heractiveren' }).click();
        await ap.getByRole('alertdialog', { name: `${DECOY_NAME} heractiveren?` }).getByRole('button', { name: 'Heractiveren' }).click();
        await ap.getByText(`${DECOY_NAME} is weer actief.`).waitFor();
        await expectInert(ap);

        expect(member.errors).toEqual([]);
        expect(admin.errors).toEqual([]);
      });
    });
  });
});
