import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { usePageTitle } from '../use-page-title';

/**
 * Guards /moderation/* inside RequireMember (which already sent signed-out visitors to log in and
 * moderators without two-step verification to the security page): members who are neither
 * moderator nor admin are told the page is for moderators. The API checks the role on every call.
 */
export function RequireModerator() {
  const { data: member } = useCurrentMember();
  if (member?.role !== 'moderator' && member?.role !== 'admin') return <ModeratorsOnly />;
  return <Outlet />;
}

function ModeratorsOnly() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.onlyTitle'));
  return (
    <div className="page page--narrow">
      <h1>{t('moderation.onlyTitle')}</h1>
      <p>{t('moderation.onlyBody')}</p>
    </div>
  );
}
