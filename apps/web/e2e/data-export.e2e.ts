/// <reference types="node" />
// The data export in a real browser against the real API (built) with the demo members: An asks
// for an export on "Mijn gegevens" with the keyboard, a labelled progress bar shows while it is
// made, the list then shows it ready with its expiry, the download link gives the ZIP, the e-mail
// with the link arrives, and the section reads in English after switching language. Axe finds no violation of any impact.
//
// Every wait is on a condition; nothing sleeps.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, logIn, newTestPage, scenario } from './support/pages.js';
import { browser, stack, useDemoStack } from './support/demo-stack.js';

const DEMO_PASSWORD = 'Lesplein-demo-2026';
const AN = 'an.peeters@demo.lesplein.test';

useDemoStack();

describe('data export', () => {
  it('lets a member export their data with visible progress and download the archive', async () => {
    const tp = await newTestPage(browser);
    const { page } = tp;
    await scenario(tp, async () => {
      await logIn(page, stack.baseUrl, AN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dag An!' }).waitFor();
      await page.goto(`${stack.baseUrl}/account/my-data`);
      const section = page.getByRole('region', { name: 'Exporteer je gegevens' });
      const button = section.getByRole('button', { name: 'Exporteer mijn gegevens' });
      await button.waitFor();
      await expectNoAxeViolations(page, 'my data: export, before', { impact: 'any' });

      // Record every progress bar the section shows, however briefly (the job may be quick).
      await page.evaluate(() => {
        const seen: Array<{ now: string | null; min: string | null; max: string | null; label: string }> = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() => {
          for (const bar of Array.from(document.querySelectorAll('[role="progressbar"][aria-labelledby="data-export-progress-label"]'))) {
            const label = document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
            seen.push({ now: bar.getAttribute('aria-valuenow'), min: bar.getAttribute('aria-valuemin'), max: bar.getAttribute('aria-valuemax'), label });
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });

      // With the keyboard.
      await button.focus();
      await page.keyboard.press('Enter');

      const table = section.getByRole('table', { name: 'Je exports' });
      const readyRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Klaar', exact: true }) });
      await readyRow.waitFor({ timeout: 60_000 });
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: Array<{ now: string | null; min: string | null; max: string | null; label: string }> }).progressSeen);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]).toMatchObject({ min: '0', max: '100' });
      expect(seen.every((entry) => Number(entry.now) >= 0 && Number(entry.now) <= 100 && entry.label.length > 0)).toBe(true);
      await page.getByRole('status').filter({ hasText: 'Je export is klaar.' }).waitFor();
      // Done: no progress bar, the button is back.
      expect(await section.getByRole('progressbar').count()).toBe(0);
      expect(await button.isEnabled()).toBe(true);

      // The row: expiry date and a download link with the ZIP.
      const cells = await readyRow.getByRole('cell').allInnerTexts();
      expect(cells[2]).toMatch(/\d/); // the expiry date
      const link = readyRow.getByRole('link', { name: /^Download \(ZIP\)/ });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^lesplein-export-\d{4}-\d{2}-\d{2}\.zip$/);
      const file = await download.path();
      expect(file).toBeTruthy();

      const mail = await stack.mail.waitFor(AN, /Je gegevensexport is klaar/);
      expect(mail.text).toContain('/api/account/exports/');
      await expectNoAxeViolations(page, 'my data: export, ready', { impact: 'any' });

      // English.
      await page.getByRole('button', { name: /^EN/ }).click();
      const english = page.getByRole('region', { name: 'Export your data' });
      await english.getByRole('button', { name: 'Export my data' }).waitFor();
      await english.getByRole('table', { name: 'Your exports' }).getByRole('cell', { name: 'Ready', exact: true }).first().waitFor();
      await expectNoAxeViolations(page, 'my data: export (English)', { impact: 'any' });
      expect(tp.errors).toEqual([]);
    });
  });
});
