import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { PageSpinner } from '../../components/ui/spinner';
import { Alert } from '../../components/ui/alert';
import { loginPathFor } from '../../lib/redirect';
import { signedOutRecently } from '../../lib/sign-out';
import { describeProblem } from '../../lib/form';
import { secondFactorSetupPath } from '../paths';

/**
 * Guards /account/*: signed-out visitors go to the log-in page (and come back afterwards);
 * members whose role requires two-step verification go to the security page until it is on.
 */
export function RequireMember() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: member, isPending, isError, error } = useCurrentMember();

  if (isPending) return <PageSpinner label={t('common.loading')} />;
  if (isError) return <Alert tone="error">{describeProblem(error).formError}</Alert>;
  if (!member) {
    // Just logged out here: go home (where the header is taking us anyway), not to log-in.
    if (signedOutRecently()) return <Navigate to="/" replace state={{ signedOut: true }} />;
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  if (member.twoFactorSetupRequired && location.pathname !== '/account/security') {
    return <Navigate to={secondFactorSetupPath} replace />;
  }
  return <Outlet />;
}
