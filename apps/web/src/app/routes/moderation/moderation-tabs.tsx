import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

const TABS = ['reports', 'appeals', 'review', 'banList'] as const;
const PATHS: Record<(typeof TABS)[number], string> = { reports: '/moderation/reports', appeals: '/moderation/appeals', review: '/moderation/review', banList: '/moderation/ban-list' };

/** The moderators' sections as a row of links; the current one is marked (aria-current="page"). */
export function ModerationTabs() {
  const { t } = useTranslation();
  return (
    <nav className="filter-nav" aria-label={t('moderation.tabsLabel')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab}>
            <NavLink to={PATHS[tab]}>{t(`moderation.tabs.${tab}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
