/// <reference types="node" />
// The set-up most browser test files share: the stack (built API and web client, SMTP listener;
// by default with the demo members) and Chromium, started once before the file's tests and
// stopped after them.
//
//   import { browser, stack, useDemoStack } from './support/demo-stack.js';
//   useDemoStack();                      // or useDemoStack({ env: { … } })
//   … newTestPage(browser) … stack.baseUrl …
//
// `stack` and `browser` are live bindings: assigned by the beforeAll hook, read inside the
// tests. Every test file gets its own copy of this module (the test runner isolates files).
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

export let stack: Stack;
export let browser: Browser;

/** Starts the stack (options as for startStack; default: the demo members) and Chromium for this test file. */
export function useDemoStack(options: StackOptions = { env: { SEED_DEMO: 'true' } }): void {
  beforeAll(async () => {
    stack = await startStack(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}
