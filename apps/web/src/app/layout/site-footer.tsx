import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reopenConsent } from '../../lib/consent';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t('footer.tagline')}</p>
        <p>
          <Link to="/partners">{t('footer.partners')}</Link>
        </p>
        <p>
          <Link to="/sub-processors">{t('subProcessors.footerLink')}</Link>
        </p>
        <p>
          <Link to="/privacy">{t('privacyPolicy.footerLink')}</Link>
        </p>
        <p>
          <Link to="/contact">{t('contact.footerLink')}</Link>
        </p>
        <p>
          <button type="button" className="button button--link" onClick={reopenConsent}>
            {t('cookieConsent.footerLink')}
          </button>
        </p>
        {import.meta.env.DEV ? (
          <p>
            <a href="/dev/mailbox">{t('footer.devMailbox')}</a>
          </p>
        ) : null}
      </div>
    </footer>
  );
}
