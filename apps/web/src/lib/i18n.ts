/**
 * Translations: Dutch first, English second. The start-up bundle carries only the start-up part
 * of Dutch (`locales/startup-keys.ts`: the shell, home and search); each whole locale is its own
 * chunk. On the start-up pages the first render needs only that part, and the whole locale is
 * fetched once the page is up; on any other page (a deep link) the whole locale is fetched before
 * the first render. English readers get the English parts the same way instead. Components
 * re-render when a bundle arrives (`bindI18nStore: 'added'`). The choice is kept in localStorage.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nlStartup from 'virtual:startup-locale/nl';
import { STARTUP_PAGES, type Messages } from '../locales/startup-keys';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';
export const languageStorageKey = 'lesplein.language';

type Bundle = () => Promise<{ default: Messages }>;

/** The whole locales, each its own chunk. */
const WHOLE: Record<Language, Bundle> = {
  nl: () => import('../locales/nl.json'),
  en: () => import('../locales/en.json'),
};

/** The start-up parts not shipped with the app. */
const STARTUP: Record<Exclude<Language, 'nl'>, Bundle> = {
  en: () => import('virtual:startup-locale/en'),
};

const wholeLoaded = new Map<Language, Promise<void>>();

/** Makes a language's whole bundle available (once; a failed fetch may be retried). */
export function loadLanguage(language: Language): Promise<void> {
  let loading = wholeLoaded.get(language);
  if (!loading) {
    loading = WHOLE[language]().then((bundle) => {
      i18next.addResourceBundle(language, 'translation', bundle.default, true, true);
    });
    loading.catch(() => wholeLoaded.delete(language));
    wholeLoaded.set(language, loading);
  }
  return loading;
}

async function loadStartupPart(language: Language): Promise<void> {
  if (language === 'nl' || i18next.hasResourceBundle(language, 'translation')) return;
  const bundle = await STARTUP[language]();
  i18next.addResourceBundle(language, 'translation', bundle.default, true, false);
}

/** True on a page that renders with the start-up part of a locale alone. */
function onStartupPage(): boolean {
  const pathname = globalThis.location?.pathname;
  if (pathname === undefined) return false;
  return STARTUP_PAGES.includes(pathname.replace(/(.)\/+$/, '$1'));
}

/** Runs `task` when the browser is idle (after the first page is up). */
function whenIdle(task: () => void): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(languageStorageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function reflectInDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : defaultLanguage;
}

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(languageStorageKey, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

/** Locale for Intl formatting of dates and numbers. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-BE';
}

/**
 * Starts i18next in Dutch (the start-up part), then switches to the stored choice once its
 * bundle is there; the whole locale follows when idle, or first on pages outside the start-up set.
 */
export async function initI18n() {
  i18next.on('languageChanged', reflectInDocument);
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nlStartup } },
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    initAsync: false,
    // Re-render when the whole locale arrives after the first render.
    react: { bindI18nStore: 'added' },
  });
  reflectInDocument(i18next.language);
  const stored = storedLanguage();
  const startupPage = onStartupPage();
  try {
    if (stored !== defaultLanguage) {
      await (startupPage ? loadStartupPart(stored) : loadLanguage(stored));
      await i18next.changeLanguage(stored);
    } else if (!startupPage) {
      await loadLanguage(defaultLanguage);
    }
  } catch {
    // A locale chunk could not be fetched: start with what is there rather than not start.
  }
  if (startupPage) whenIdle(() => void loadLanguage(currentLanguage()).catch(() => undefined));
  return i18next;
}
