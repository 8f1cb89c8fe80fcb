import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { usePageTitle } from '../use-page-title';
import { LatestResources } from './resources/latest-resources';

export function Component() {
  const { t } = useTranslation();
  const { data: member, isPending } = useCurrentMember();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true && !member;
  usePageTitle(member ? t('home.greeting', { name: member.firstName }) : t('home.title'));

  // Until we know who is reading, neither version (the shell keeps the page hidden meanwhile):
  // rendering the visitor's would fetch the latest resources twice. When the question fails,
  // the visitor's page is shown.
  if (isPending) return <PageSpinner label={t('common.loading')} />;

  if (member) {
    return (
      <div className="page">
        <h1>{t('home.greeting', { name: member.firstName })}</h1>
        <p className="lead">{t('home.signedInIntro')}</p>
        {!member.twoFactorEnabled ? (
          <Alert tone="info" title={t('home.twoFactorTipTitle')}>
            <p>
              {t('home.twoFactorTip')} <Link to="/account/security">{t('home.twoFactorTipLink')}</Link>
            </p>
          </Alert>
        ) : null}
        <LatestResources canShare />
        <ul className="cards">
          <li className="card">
            <h2>
              <Link to="/account/profile">{t('nav.profile')}</Link>
            </h2>
            <p>{t('home.profileCard')}</p>
          </li>
          <li className="card">
            <h2>
              <Link to="/account/security">{t('nav.security')}</Link>
            </h2>
            <p>{t('home.securityCard')}</p>
          </li>
          <li className="card">
            <h2>
              <Link to={`/members/${encodeURIComponent(member.handle)}`}>{t('home.publicProfileCard')}</Link>
            </h2>
            <p>{t('home.publicProfileCardBody')}</p>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="page">
      {signedOut ? <Alert tone="success">{t('home.signedOut')}</Alert> : null}
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p className="actions">
          <Link to="/register" className="button button--primary">
            {t('home.ctaRegister')}
          </Link>
          <Link to="/login" className="button button--secondary">
            {t('home.ctaLogin')}
          </Link>
        </p>
      </section>
      <LatestResources canShare={false} />
      <ul className="cards">
        <li className="card">
          <h2>{t('home.shareTitle')}</h2>
          <p>{t('home.shareBody')}</p>
        </li>
        <li className="card">
          <h2>{t('home.findTitle')}</h2>
          <p>{t('home.findBody')}</p>
        </li>
        <li className="card">
          <h2>{t('home.privacyTitle')}</h2>
          <p>{t('home.privacyBody')}</p>
        </li>
      </ul>
    </div>
  );
}
