import './administration/administration.css';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink } from './administration/admin-parts';
import { PreModerationSection } from './administration/pre-moderation-section';
import { SubProcessorsSection } from './administration/sub-processors-section';

/**
 * /admin/settings — "Instellingen": pre-moderation (off, every new resource, or each member's
 * first N) and the list of sub-processors shown on the public /sub-processors page. Both are
 * saved after a confirmation.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.settings.title'));
  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('administration.settings.title')}</h1>
      <p className="lead">{t('administration.settings.intro')}</p>
      <PreModerationSection />
      <SubProcessorsSection />
    </div>
  );
}
