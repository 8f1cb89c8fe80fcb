import './administration/administration.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';

const SECTIONS = [
  { to: '/admin/members', key: 'members' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/incidents', key: 'incidents' },
  { to: '/admin/statistics', key: 'statistics' },
  { to: '/admin/settings', key: 'settings' },
  { to: '/admin/partners', key: 'partners' },
  { to: '/admin/privacy-policy', key: 'privacyPolicy' },
  { to: '/admin/privacy-requests', key: 'privacyRequests' },
  { to: '/admin/analytics', key: 'analytics' },
  { to: '/admin/newsletters', key: 'newsletters' },
] as const;

/** /admin — admins: the way into every administration page. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.title'));
  return (
    <div className="page">
      <h1>{t('administration.title')}</h1>
      <p className="lead">{t('administration.intro')}</p>
      <ul className="cards" aria-label={t('administration.sectionsLabel')}>
        {SECTIONS.map((section) => (
          <li key={section.key} className="card admin-card">
            <h2>
              <Link to={section.to}>{t(`administration.sections.${section.key}.title`)}</Link>
            </h2>
            <p>{t(`administration.sections.${section.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
