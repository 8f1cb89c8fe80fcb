import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { Alert } from '../../components/ui/alert';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';

/**
 * The page shell: skip link, header, <main>, footer. After client-side navigation focus
 * moves to the new page's heading, as a full page load would put the reader at the top.
 */
export function RootLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { data: member } = useCurrentMember();
  const mustSetUpSecondFactor = member?.twoFactorSetupRequired === true && location.pathname !== '/account/security';

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
      {navigation.state === 'loading' ? (
        <div className="route-progress" role="progressbar" aria-label={t('layout.loadingPage')} />
      ) : null}
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {mustSetUpSecondFactor ? (
          <Alert tone="warning" title={t('security.requiredTitle')}>
            <p>
              {t('security.requiredShort')} <Link to="/account/security">{t('security.requiredLink')}</Link>
            </p>
          </Alert>
        ) : null}
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}
