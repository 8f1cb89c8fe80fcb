import './administration/administration.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useAcceptPolicyVersion } from '../../features/privacy-policy/accept-policy-version';
import { useMyPolicyStatus } from '../../features/privacy-policy/get-my-policy-status';
import { usePrivacyPolicy } from '../../features/privacy-policy/get-privacy-policy';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';
import { CookieTable } from './privacy/cookie-table';
import { ChangesList, PolicyText, VersionLine } from './privacy/policy-parts';

/**
 * /privacy — the current privacy statement (public), what changed since the signed-in member
 * last read it (with "mark as read"), the cookies and browser storage in use, and every
 * earlier version.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('privacyPolicy.title'));
  const page = usePrivacyPolicy();
  const { data: member } = useCurrentMember();
  const status = useMyPolicyStatus(Boolean(member));
  const accept = useAcceptPolicyVersion();
  const current = page.data?.current ?? null;
  const changes = status.data?.changes ?? [];
  const earlier = (page.data?.versions ?? []).filter((version) => version.version !== current?.version);

  return (
    <div className="page page--narrow">
      <h1>{t('privacyPolicy.title')}</h1>
      {page.isPending ? <Spinner label={t('common.loading')} /> : null}
      {page.isError ? <Alert tone="error">{describeProblem(page.error).formError}</Alert> : null}
      {page.data && !current ? <p>{t('privacyPolicy.none')}</p> : null}
      {current ? (
        <>
          <p className="lead">
            <VersionLine version={current} />
          </p>
          {member && changes.length > 0 && !status.data?.acceptanceRequired ? (
            <section className="section" aria-labelledby="policy-changes">
              <h2 id="policy-changes">{status.data?.lastSeenVersion ? t('privacyPolicy.changesSinceTitle') : t('privacyPolicy.changesNewTitle')}</h2>
              <ChangesList versions={changes} label={t('privacyPolicy.changesSinceTitle')} />
              {accept.isError ? <Alert tone="error">{describeProblem(accept.error).formError}</Alert> : null}
              <Button variant="secondary" busy={accept.isPending} busyLabel={t('common.saving')} onClick={() => accept.mutate(current.version)}>
                {t('privacyPolicy.markRead')}
              </Button>
            </section>
          ) : null}
          {member && status.data?.acceptanceRequired ? (
            <Alert tone="warning" title={t('privacyPolicy.acceptRequiredTitle')}>
              <p>
                <Link to="/privacy/accept">{t('privacyPolicy.acceptLink')}</Link>
              </p>
            </Alert>
          ) : null}
          <section className="section" aria-labelledby="policy-text">
            <h2 id="policy-text" className="visually-hidden">
              {t('privacyPolicy.textTitle')}
            </h2>
            <PolicyText version={current} />
          </section>
        </>
      ) : null}
      <section className="section" aria-labelledby="cookies">
        <h2 id="cookies">{t('cookies.title')}</h2>
        <p>{t('cookies.intro')}</p>
        <CookieTable />
        <p>{t('cookies.counter')}</p>
      </section>
      {earlier.length > 0 ? (
        <section className="section" aria-labelledby="policy-versions">
          <h2 id="policy-versions">{t('privacyPolicy.earlierTitle')}</h2>
          <ChangesList versions={earlier} label={t('privacyPolicy.earlierTitle')} />
        </section>
      ) : null}
    </div>
  );
}
