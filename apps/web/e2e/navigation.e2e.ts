/// <reference types="node" />
// Client-side navigation in a real browser (app/browser-router.tsx, ADR 0012): while the next
// page's code is on its way the current page stays, with a labelled progress bar, and then focus
// moves to the new page's heading; a new page starts at the top and going back returns to where
// the reader was; a page whose code cannot be fetched says so and offers a reload, and the rest of
// the site keeps working. On a first load a page is shown once it is known who is reading
// (it loads meanwhile): a signed-in member's home page is not the visitor's page first (it moved
// everything down when the greeting arrived, and a click aimed at a resource missed), and no page
// shows a member the log-in buttons or jumps down when their taller header arrives.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { logIn, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

useDemoStack();

const JONAS = 'jonas.maes@demo.lesplein.test';
const DEMO_PASSWORD = 'Lesplein-demo-2026';
/** Published by An in the demo data. */
const RESOURCE = 'Breuken vergelijken met de getallenlijn';

/** Holds the page's next /api/auth/me request; the returned function lets it through. */
async function holdNextCurrentMember(page: Page): Promise<() => void> {
  let release: (() => void) | undefined;
  await page.route(
    '**/api/auth/me',
    (route) =>
      new Promise<void>((done) => {
        release = () => void route.continue().then(done);
      }),
    { times: 1 },
  );
  return () => release!();
}

describe('navigation between pages', () => {
  it('keeps the current page with a progress bar while the next one loads, then focuses its heading', async () => {
    const visitor = await newTestPage(browser);
    await scenario(visitor, async () => {
      const page = visitor.page;
      let release: (() => void) | undefined;
      const held = new Promise<Route>((resolve) => {
        void page.route('**/assets/sub-processors-*.js', (route) => {
          resolve(route);
          return new Promise<void>((done) => {
            release = () => void route.continue().then(done);
          });
        });
      });

      await page.goto(`${stack.baseUrl}/`);
      const homeHeading = page.getByRole('heading', { name: "Leermiddelen delen met collega's", level: 1 });
      await homeHeading.waitFor();

      await page.getByRole('contentinfo').getByRole('link', { name: 'Verwerkers en partners' }).click();
      await held;
      const progress = page.getByRole('progressbar', { name: 'Pagina wordt geladen' });
      await progress.waitFor();
      expect(await homeHeading.isVisible()).toBe(true);

      release!();
      const heading = page.getByRole('heading', { name: 'Verwerkers en partners', level: 1 });
      await heading.waitFor();
      await progress.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    });
  });

  it('starts a new page at the top and returns to the position on going back', async () => {
    const visitor = await newTestPage(browser, { viewport: { width: 400, height: 500 } });
    await scenario(visitor, async () => {
      const page = visitor.page;
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { name: "Leermiddelen delen met collega's", level: 1 }).waitFor();
      // The cookie choice would cover the footer: decide first.
      await page.getByRole('region', { name: 'Cookies en statistieken' }).getByRole('button', { name: 'Alleen noodzakelijke' }).click();

      const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Contact en privacyverzoeken' });
      await footerLink.scrollIntoViewIfNeeded();
      const left = await page.evaluate(() => window.scrollY);
      expect(left).toBeGreaterThan(100);

      await footerLink.click();
      await page.getByRole('heading', { name: 'Contact en privacyverzoeken', level: 1 }).waitFor();
      await page.waitForFunction(() => window.scrollY === 0);

      await page.goBack();
      await page.getByRole('heading', { name: "Leermiddelen delen met collega's", level: 1 }).waitFor();
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 1, left);
    });
  });

  it('says so when a page cannot be loaded, offers a reload, and the other pages still work', async () => {
    const visitor = await newTestPage(browser);
    await scenario(visitor, async () => {
      const page = visitor.page;
      await page.route('**/assets/contact-*.js', (route) => route.abort());
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { name: "Leermiddelen delen met collega's", level: 1 }).waitFor();

      await page.getByRole('contentinfo').getByRole('link', { name: 'Contact en privacyverzoeken' }).click();
      await page.getByRole('heading', { name: 'Er ging iets mis', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Pagina opnieuw laden' }).waitFor();
      // The shell is still there around the message.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

      await page.getByRole('contentinfo').getByRole('link', { name: 'Verwerkers en partners' }).click();
      await page.getByRole('heading', { name: 'Verwerkers en partners', level: 1 }).waitFor();
      expect(await page.getByRole('heading', { name: 'Er ging iets mis' }).count()).toBe(0);
    });
  });

  it("shows a signed-in member their home page, not the visitor's page first", async () => {
    const member = await newTestPage(browser);
    await scenario(member, async () => {
      const page = member.page;
      await logIn(page, stack.baseUrl, JONAS, DEMO_PASSWORD);
      const greeting = page.getByRole('heading', { name: 'Dag Jonas!', level: 1 });
      await greeting.waitFor();

      // Every level-1 heading that enters the page, in order, from the first script on.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
        new MutationObserver((records) => {
          for (const record of records) {
            record.addedNodes.forEach((node) => {
              if (!(node instanceof Element)) return;
              if (node.matches('h1')) seen.push(node.textContent ?? '');
              node.querySelectorAll('h1').forEach((h1) => seen.push(h1.textContent ?? ''));
            });
          }
        }).observe(document, { childList: true, subtree: true });
      });
      // Who is signed in is answered only once the home page has rendered (it sets the title).
      const release = await holdNextCurrentMember(page);
      await page.goto(`${stack.baseUrl}/`);
      await page.waitForFunction(() => document.title.startsWith("Leermiddelen delen met collega's"));
      release();
      await greeting.waitFor();
      await page.getByRole('region', { name: 'Nieuwste leermiddelen' }).getByRole('link', { name: RESOURCE }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen)).toEqual(['Dag Jonas!']);
    });
  });

  it("loads a member's page while asking who is reading, and shows it once that is known", async () => {
    const member = await newTestPage(browser);
    await scenario(member, async () => {
      const page = member.page;
      await logIn(page, stack.baseUrl, JONAS, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag Jonas!', level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Nieuwste leermiddelen' }).getByRole('link', { name: RESOURCE }).click();
      const heading = page.getByRole('heading', { name: RESOURCE, level: 1 });
      await heading.waitFor();
      const resourceUrl = page.url();

      const release = await holdNextCurrentMember(page);
      const resourceLoaded = page.waitForResponse((response) => response.url().endsWith(`/api/resources/${resourceUrl.split('/').at(-1)}`));
      await page.goto(resourceUrl);
      // The page's code and data load meanwhile; it is in the document, not shown.
      expect((await resourceLoaded).status()).toBe(200);
      await page.locator('main h1', { hasText: RESOURCE }).waitFor({ state: 'attached' });
      expect(await heading.isVisible()).toBe(false);
      expect(await page.getByRole('main').getByRole('status').first().textContent()).toBe('Bezig met laden…');
      expect(await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(0);

      release();
      await heading.waitFor();
      await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).waitFor();
      expect(await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(0);
      expect(await page.getByRole('main').getByText('Bezig met laden…').count()).toBe(0);
    });
  });
});
