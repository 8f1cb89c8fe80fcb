import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { usePageTitle } from '../use-page-title';

/**
 * Guards /admin/* inside RequireMember (which already sent signed-out visitors to log in and
 * admins without two-step verification to the security page): other members are told the page
 * is for admins. The API checks the role on every call regardless.
 */
export function RequireAdmin() {
  const { data: member } = useCurrentMember();
  if (member?.role !== 'admin') return <AdminsOnly />;
  return <Outlet />;
}

function AdminsOnly() {
  const { t } = useTranslation();
  usePageTitle(t('adminPartners.adminsOnlyTitle'));
  return (
    <div className="page page--narrow">
      <h1>{t('adminPartners.adminsOnlyTitle')}</h1>
      <p>{t('adminPartners.adminsOnlyBody')}</p>
    </div>
  );
}
