// Types for ensure-chromium.mjs, so TypeScript callers (apps/web/e2e/support/browser.ts) can import it.
export declare const CHROMIUM_MISSING_MESSAGE: string;
/** The Chromium executable to use, or undefined; throws when CHROMIUM_PATH is set but wrong. */
export declare function findChromium(env?: Record<string, string | undefined>): string | undefined;
/** Finds Chromium, installing Debian's package with apt-get when missing and allowed. */
export declare function ensureChromium(): Promise<string>;
