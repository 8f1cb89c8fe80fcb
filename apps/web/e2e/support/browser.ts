/// <reference types="node" />
// Launches Debian's Chromium through playwright-core (never a downloaded browser build).
// The executable comes from CHROMIUM_PATH or the same lookup as scripts/ensure-chromium.mjs;
// this module does not install anything: run `node scripts/ensure-chromium.mjs` (npm test does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../../../../scripts/ensure-chromium.mjs';

/** Flags known to work on the project's machines (docs: ENVIRONMENT.md); --headless is added when headless. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchChromiumOptions {
  /** Headless unless false, or unless the environment sets HEADED=1 (for watching a test locally). */
  headless?: boolean;
  /** Extra playwright launch options (e.g. slowMo). */
  launch?: Omit<LaunchOptions, 'executablePath' | 'headless'>;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`${CHROMIUM_MISSING_MESSAGE} (or run: node scripts/ensure-chromium.mjs).`);
  const headless = options.headless ?? process.env.HEADED !== '1';
  // Chromium writes its per-user configuration under XDG_CONFIG_HOME: keep it out of $HOME.
  const configHome = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lesplein-chromium-'));
  try {
    const browser = await chromium.launch({
      ...options.launch,
      executablePath,
      headless,
      args: [...(headless ? ['--headless'] : []), ...CHROMIUM_FLAGS, ...(options.launch?.args ?? [])],
      env: { ...process.env, ...options.launch?.env, XDG_CONFIG_HOME: configHome, XDG_CACHE_HOME: path.join(configHome, 'cache') },
    });
    browser.once('disconnected', () => void fs.promises.rm(configHome, { recursive: true, force: true }));
    return browser;
  } catch (error) {
    await fs.promises.rm(configHome, { recursive: true, force: true });
    throw error;
  }
}
