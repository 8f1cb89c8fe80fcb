/**
 * Translations: Dutch first, English second. Dutch ships with the app; English is its own chunk,
 * fetched when chosen (and before the first render for someone who chose it earlier), so the
 * start-up bundle carries one language. The choice is kept in localStorage.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from '../locales/nl.json';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';
export const languageStorageKey = 'lesplein.language';

/** The bundles that are not shipped with the app, loaded on demand. */
const LOADERS: Record<Exclude<Language, 'nl'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../locales/en.json'),
};

/** Makes a language's bundle available (a no-op for Dutch and for a bundle already loaded). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'nl' || i18next.hasResourceBundle(language, 'translation')) return;
  const bundle = await LOADERS[language]();
  i18next.addResourceBundle(language, 'translation', bundle.default, true, true);
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

/** Starts i18next in Dutch, then switches to the stored choice once its bundle is there. */
export async function initI18n() {
  i18next.on('languageChanged', reflectInDocument);
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl } },
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    initAsync: false,
  });
  reflectInDocument(i18next.language);
  const stored = storedLanguage();
  if (stored !== defaultLanguage) {
    try {
      await loadLanguage(stored);
      await i18next.changeLanguage(stored);
    } catch {
      // The English chunk could not be fetched: stay in Dutch rather than not start.
    }
  }
  return i18next;
}
