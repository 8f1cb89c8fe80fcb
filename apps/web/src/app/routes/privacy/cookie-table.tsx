import { useTranslation } from 'react-i18next';

/**
 * Every cookie and browser storage entry Lesplein sets, why, and for how long. All are
 * necessary; none is set for analytics or advertising. Keep in step with the API's cookies
 * (core/auth/session-cookie.ts, the OpenID Connect provider) and the web client's storage.
 */
const ENTRIES = [
  { name: 'lp_session', key: 'session' },
  { name: 'lp_csrf', key: 'csrf' },
  { name: '_interaction, _interaction_resume, _session', key: 'oidc' },
  { name: 'lesplein.language', key: 'language' },
  { name: 'lesplein.consent', key: 'consent' },
] as const;

export function CookieTable() {
  const { t } = useTranslation();
  return (
    // A narrow screen scrolls the table sideways: the box is a labelled region that takes focus,
    // so it can be scrolled with the keyboard.
    <div className="table-wrap" role="region" aria-labelledby="cookie-table-caption" tabIndex={0}>
      <table className="table">
        <caption id="cookie-table-caption">{t('cookies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cookies.columns.name')}</th>
            <th scope="col">{t('cookies.columns.kind')}</th>
            <th scope="col">{t('cookies.columns.purpose')}</th>
            <th scope="col">{t('cookies.columns.lifetime')}</th>
          </tr>
        </thead>
        <tbody>
          {ENTRIES.map((entry) => (
            <tr key={entry.key}>
              <th scope="row">
                <code>{entry.name}</code>
              </th>
              <td>{t(`cookies.entries.${entry.key}.kind`)}</td>
              <td>{t(`cookies.entries.${entry.key}.purpose`)}</td>
              <td>{t(`cookies.entries.${entry.key}.lifetime`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
