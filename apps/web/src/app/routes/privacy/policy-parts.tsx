import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionSummary, PolicyVersionView } from '@lesplein/contracts/privacy-policy';
import { formatDate } from '../../../lib/format';

/** The language of the interface decides which text of a version is shown. */
export function usePolicyLanguage(): 'nl' | 'en' {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
}

export function summaryOf(version: PolicyVersionSummary, language: 'nl' | 'en'): string {
  return language === 'en' ? version.summaryEn : version.summaryNl;
}

/** The statement itself: HTML rendered from Markdown and sanitised by the API (like a resource's description). */
export function PolicyText({ version }: { version: PolicyVersionView }) {
  const language = usePolicyLanguage();
  return <div className="prose" dangerouslySetInnerHTML={{ __html: language === 'en' ? version.htmlEn : version.htmlNl }} />;
}

/** "Version 3, published 12 March 2026 (substantial change)". */
export function VersionLine({ version }: { version: PolicyVersionSummary }) {
  const { t } = useTranslation();
  const language = usePolicyLanguage();
  return (
    <>
      {t('privacyPolicy.versionLine', { version: version.version, date: formatDate(version.publishedAt, language) })}
      {version.substantial ? ` ${t('privacyPolicy.substantialMark')}` : null}
    </>
  );
}

/** A list of versions with what changed in each; links to the full text when `link` is set. */
export function ChangesList({ versions, label, link = true }: { versions: PolicyVersionSummary[]; label: string; link?: boolean }) {
  const language = usePolicyLanguage();
  return (
    <ul className="admin-list" aria-label={label}>
      {versions.map((version) => (
        <li key={version.version}>
          <strong>{link ? <Link to={`/privacy/versions/${version.version}`}><VersionLine version={version} /></Link> : <VersionLine version={version} />}</strong>
          <p>{summaryOf(version, language)}</p>
        </li>
      ))}
    </ul>
  );
}
