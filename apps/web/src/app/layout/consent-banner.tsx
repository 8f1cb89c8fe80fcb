import './consent-banner.css';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { chooseConsent, useConsent } from '../../lib/consent';

/**
 * The cookie choice, shown until the visitor chooses and whenever they reopen it from the footer.
 * Only necessary cookies are used until then; "allow statistics" turns on the aggregate
 * page-view counter (which itself sets no cookie). A labelled region with two plain buttons, so
 * it works with the keyboard; reopened, it takes focus.
 */
export function ConsentBanner() {
  const { t } = useTranslation();
  const { bannerOpen, reopened, choice } = useConsent();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!reopened) return;
    headingRef.current?.scrollIntoView({ block: 'nearest' });
    headingRef.current?.focus();
  }, [reopened]);

  if (!bannerOpen) return null;
  return (
    <section className="consent-banner" aria-labelledby="consent-title">
      <div className="consent-banner__inner">
        <h2 id="consent-title" className="consent-banner__title" ref={headingRef} tabIndex={-1}>
          {t('cookieConsent.title')}
        </h2>
        <p>{t('cookieConsent.body')}</p>
        {choice ? <p>{choice.analytics ? t('cookieConsent.currentAllowed') : t('cookieConsent.currentNecessary')}</p> : null}
        <div className="consent-banner__actions">
          <button type="button" className="button button--secondary" onClick={() => chooseConsent(false)}>
            {t('cookieConsent.necessaryOnly')}
          </button>
          <button type="button" className="button button--primary" onClick={() => chooseConsent(true)}>
            {t('cookieConsent.allowStatistics')}
          </button>
          <Link to="/privacy#cookies">{t('cookieConsent.more')}</Link>
        </div>
      </div>
    </section>
  );
}
