import { Suspense, useEffect, useRef } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { usePageViewCounter } from '../../features/analytics/record-page-view';
import { useMyPolicyStatus } from '../../features/privacy-policy/get-my-policy-status';
import { Alert } from '../../components/ui/alert';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';
import { ConsentBanner } from './consent-banner';
import { policyAcceptancePathFor } from '../paths';
import { usePendingNavigation } from '../browser-router';
import { InitialLoading } from './initial-loading';
import { RouteErrorBoundary } from './route-error-boundary';

/**
 * The page shell: skip link, header, <main>, footer. After client-side navigation focus
 * moves to the new page's heading, as a full page load would put the reader at the top. A page
 * whose code is still being fetched shows a loading indicator on a first load; on later
 * navigations the current page stays until the next is ready, with a progress bar.
 */
export function RootLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigating = usePendingNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { data: member, isPending: askingWhoIsReading } = useCurrentMember();
  const mustSetUpSecondFactor = member?.twoFactorSetupRequired === true && location.pathname !== '/account/security';
  // The privacy statement: a session limited until a substantial change is accepted goes to the
  // acceptance page (the /privacy pages stay readable); other changes are announced once read.
  const policy = useMyPolicyStatus(Boolean(member)).data;
  const onPolicyPages = location.pathname === '/privacy' || location.pathname.startsWith('/privacy/');
  const mustAcceptPolicy = Boolean(member) && policy?.acceptanceRequired === true && !onPolicyPages;
  // Counts the page (its route pattern only) when the visitor allowed statistics.
  usePageViewCounter();
  const policyChanged = Boolean(member) && policy !== undefined && !policy.acceptanceRequired && policy.changes.length > 0 && !onPolicyPages;

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      {navigating ? (
        <div className="route-progress" role="progressbar" aria-label={t('layout.loadingPage')} />
      ) : null}
      <SiteHeader />
      <ConsentBanner />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {askingWhoIsReading ? <InitialLoading /> : null}
        {/* On a first load the page renders (its code and data load) but stays hidden until we
            know who is reading: a member's header is taller and their page differs, so showing
            the visitor's first would move everything under the reader's pointer. */}
        <div hidden={askingWhoIsReading}>
          {mustSetUpSecondFactor ? (
            <Alert tone="warning" title={t('security.requiredTitle')}>
              <p>
                {t('security.requiredShort')} <Link to="/account/security">{t('security.requiredLink')}</Link>
              </p>
            </Alert>
          ) : null}
          {policyChanged ? (
            <Alert tone="info" title={policy?.lastSeenVersion ? t('privacyPolicy.changedTitle') : t('privacyPolicy.newReaderTitle')}>
              <p>
                <Link to="/privacy">{t('privacyPolicy.changedLink')}</Link>
              </p>
            </Alert>
          ) : null}
          {mustAcceptPolicy ? (
            <Navigate to={policyAcceptancePathFor(location.pathname + location.search)} replace />
          ) : (
            <RouteErrorBoundary pathname={location.pathname}>
              <Suspense fallback={<InitialLoading />}>
                <Outlet />
              </Suspense>
            </RouteErrorBoundary>
          )}
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
