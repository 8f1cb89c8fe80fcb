import { Link, NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useLogout } from '../../features/auth/logout';
import { useUnreadCounts } from '../../features/notifications/get-unread-counts';
import { Button } from '../../components/ui/button';
import { HeaderSearch } from './header-search';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: member, isPending } = useCurrentMember();
  const unread = useUnreadCounts(Boolean(member) && !member?.twoFactorSetupRequired);
  const navigate = useNavigate();
  // flushSync: the home page must be on screen before the member is forgotten, or the guard of
  // a member-only page would first send the visitor to the log-in page.
  const logout = useLogout({ leave: () => navigate('/', { state: { signedOut: true }, flushSync: true }) });

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-logo">
          <span className="site-logo__mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/search">{t('nav.search')}</NavLink>
            </li>
            {member ? (
              <>
                <li>
                  <NavLink to="/resources/new">{t('nav.shareResource')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/resources">{t('nav.myResources')}</NavLink>
                </li>
                <li>
                  <NavLink to="/feed">{t('nav.feed')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/favourites">{t('nav.favourites')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/folders">{t('nav.folders')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/viewed">{t('nav.viewed')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/searches">{t('nav.searches')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/profile">{t('nav.profile')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/security">{t('nav.security')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/decisions">{t('decisions.nav')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/authorisations">{t('nav.authorisations')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account/my-data">{t('myData.nav')}</NavLink>
                </li>
                {member.role === 'admin' ? (
                  <li>
                    <NavLink to="/admin" end>
                      {t('administration.nav')}
                    </NavLink>
                  </li>
                ) : null}
                {member.role === 'admin' ? (
                  <li>
                    <NavLink to="/admin/partners">{t('nav.adminPartners')}</NavLink>
                  </li>
                ) : null}
                {member.role === 'moderator' || member.role === 'admin' ? (
                  <li>
                    <NavLink to="/moderation">{t('moderation.nav')}</NavLink>
                  </li>
                ) : null}
              </>
            ) : null}
          </ul>
        </nav>
        <div className="site-header__tools">
          <HeaderSearch />
          <LanguageSwitch />
          {member ? (
            <div className="site-header__account">
              <NavLink to="/notifications" className="header-counter" aria-label={t('header.notifications', { count: unread.data?.notifications ?? 0 })}>
                <span aria-hidden="true">🔔</span>
                {unread.data?.notifications ? <span className="header-counter__count" aria-hidden="true">{unread.data.notifications}</span> : null}
              </NavLink>
              <NavLink to="/messages" className="header-counter" aria-label={t('header.messages', { count: unread.data?.messages ?? 0 })}>
                <span aria-hidden="true">✉</span>
                {unread.data?.messages ? <span className="header-counter__count" aria-hidden="true">{unread.data.messages}</span> : null}
              </NavLink>
              <span className="site-header__member">
                {t('header.signedInAs', { name: `${member.firstName} ${member.lastName}` })}
              </span>
              <Button variant="secondary" onClick={() => logout.mutate()} busy={logout.isPending} busyLabel={t('header.loggingOut')}>
                {t('header.logout')}
              </Button>
              {logout.isError ? (
                <span className="site-header__error" role="alert">
                  {t('header.logoutFailed')}
                </span>
              ) : null}
            </div>
          ) : isPending ? null /* not the log-in buttons before we know: a member would see them flash */ : (
            <div className="site-header__account">
              <Link to="/login" className="button button--secondary">
                {t('header.login')}
              </Link>
              <Link to="/register" className="button button--primary">
                {t('header.register')}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
