import './administration/administration.css';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/auth/logout';
import { useAcceptPolicyVersion } from '../../features/privacy-policy/accept-policy-version';
import { useMyPolicyStatus } from '../../features/privacy-policy/get-my-policy-status';
import { usePrivacyPolicy } from '../../features/privacy-policy/get-privacy-policy';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { PageSpinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { safeNextPath } from '../../lib/redirect';
import { usePageTitle } from '../use-page-title';
import { ChangesList, PolicyText, VersionLine } from './privacy/policy-parts';

/**
 * /privacy/accept — after a substantial change of the privacy statement, the member's session
 * is limited until they accept it: what changed, the text, accept (and back to where they were)
 * or log out.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('privacyPolicy.acceptTitle'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const status = useMyPolicyStatus(true);
  const page = usePrivacyPolicy();
  const accept = useAcceptPolicyVersion();
  const logout = useLogout({ leave: () => navigate('/', { replace: true }) });

  if (status.isPending || page.isPending) return <PageSpinner label={t('common.loading')} />;
  if (status.isError || page.isError) return <Alert tone="error">{describeProblem(status.error ?? page.error).formError}</Alert>;
  const current = page.data.current;
  if (!status.data.acceptanceRequired || !current) return <Navigate to={next} replace />;

  return (
    <div className="page page--narrow">
      <h1>{t('privacyPolicy.acceptTitle')}</h1>
      <p className="lead">{t('privacyPolicy.acceptIntro')}</p>
      <section className="section" aria-labelledby="accept-changes">
        <h2 id="accept-changes">{t('privacyPolicy.whatChanged')}</h2>
        <ChangesList versions={status.data.changes} label={t('privacyPolicy.whatChanged')} link={false} />
      </section>
      <section className="section" aria-labelledby="accept-text">
        <h2 id="accept-text">
          <VersionLine version={current} />
        </h2>
        <PolicyText version={current} />
      </section>
      {accept.isError ? <Alert tone="error">{describeProblem(accept.error).formError}</Alert> : null}
      {logout.isError ? <Alert tone="error">{describeProblem(logout.error).formError}</Alert> : null}
      <div className="actions">
        <Button busy={accept.isPending} busyLabel={t('common.saving')} onClick={() => accept.mutate(current.version, { onSuccess: () => void navigate(next, { replace: true }) })}>
          {t('privacyPolicy.accept')}
        </Button>
        <Button variant="secondary" busy={logout.isPending} onClick={() => logout.mutate()}>
          {t('privacyPolicy.declineAndLogOut')}
        </Button>
      </div>
      <p className="form__note">{t('privacyPolicy.declineNote')}</p>
    </div>
  );
}
