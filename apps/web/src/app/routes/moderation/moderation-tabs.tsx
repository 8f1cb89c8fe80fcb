import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../../features/auth/get-current-member';

const TABS = ['reports', 'appeals', 'review', 'banList'] as const;
const PATHS: Record<(typeof TABS)[number], string> = { reports: '/moderation/reports', appeals: '/moderation/appeals', review: '/moderation/review', banList: '/moderation/ban-list' };

/**
 * The moderators' sections as a row of links; the current one is marked (aria-current="page").
 * The ban list shows only for those who hold its right (admins, and moderators given it).
 */
export function ModerationTabs() {
  const { t } = useTranslation();
  const { data: member } = useCurrentMember();
  const tabs = TABS.filter((tab) => tab !== 'banList' || member?.banListRight);
  return (
    <nav className="filter-nav" aria-label={t('moderation.tabsLabel')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <NavLink to={PATHS[tab]}>{t(`moderation.tabs.${tab}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
