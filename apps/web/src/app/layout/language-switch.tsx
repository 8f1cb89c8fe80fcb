import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type Language } from '../../lib/i18n';

/** NL / EN toggle buttons; the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language: Language) => (
        <button
          key={language}
          type="button"
          className="language-switch__button"
          aria-pressed={current === language}
          aria-label={`${language.toUpperCase()} – ${t(`language.names.${language}`)}`}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
