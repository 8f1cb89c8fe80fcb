/**
 * The part of each locale that ships in the start-up bundle: what the shell (header, footer,
 * banners, error pages) and the start-up pages (home, search) show. Everything else arrives with
 * the whole locale file, fetched once the first page is up (or before the first render on any
 * other page; `lib/i18n.ts`). A build plugin (`startup-locale-plugin.ts`) cuts each locale down to
 * these keys; `src/bundle-budget.spec.ts` fails when code on the start-up path uses a key that is
 * not covered here.
 *
 * An entry covers that key, its plural forms (`key_one`, `key_other`) and everything below it.
 */
export const STARTUP_KEYS = [
  'app',
  'common',
  'community.favourite',
  'community.folders.add',
  'community.folders.dialogTitle',
  'contact.footerLink',
  'cookieConsent',
  'decisions.nav',
  'footer',
  'header',
  'home',
  'language',
  'layout',
  'licences',
  'moderation.nav',
  'moderation.onlyBody',
  'moderation.onlyTitle',
  'myData.nav',
  'nav',
  'notFound',
  'privacyPolicy.changedLink',
  'privacyPolicy.changedTitle',
  'privacyPolicy.footerLink',
  'privacyPolicy.newReaderTitle',
  'problem',
  'resourceTypes',
  'resources.view.anonymous',
  'resources.view.licence',
  'routeError',
  'search',
  'security.requiredLink',
  'security.requiredShort',
  'security.requiredTitle',
  'subProcessors.footerLink',
  'validation',
  'adminPartners.adminsOnlyBody',
  'adminPartners.adminsOnlyTitle',
  'administration.nav',
] as const;

/** Pages that render with the start-up part alone (paths, without a trailing slash). */
export const STARTUP_PAGES: readonly string[] = ['/', '/search'];

export type Messages = { [key: string]: string | Messages };

/** True when `key` (a dotted path) is covered by one of `prefixes`. */
export function coveredBy(key: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}_`));
}

/** The messages whose keys `prefixes` cover, in the same tree shape. */
export function pickMessages(tree: Messages, prefixes: readonly string[], path = ''): Messages {
  const out: Messages = {};
  for (const [name, value] of Object.entries(tree)) {
    const key = path ? `${path}.${name}` : name;
    if (coveredBy(key, prefixes)) out[name] = value;
    else if (typeof value === 'object' && prefixes.some((p) => p.startsWith(`${key}.`))) {
      const picked = pickMessages(value, prefixes, key);
      if (Object.keys(picked).length > 0) out[name] = picked;
    }
  }
  return out;
}
