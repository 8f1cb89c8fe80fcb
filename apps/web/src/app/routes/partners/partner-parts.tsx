import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerNoticeView, PartnerScope, PublicPartnerView } from '@lesplein/contracts/partner';
import { ExternalLink, MailLink } from '../../../components/external-link';
import { formatDate } from '../../../lib/format';

// Shared pieces of the partner pages: every text in them is the partner's data, rendered as
// text (React escapes it); addresses become links only through ExternalLink / MailLink.

type PartnerIdentity = Omit<PublicPartnerView, 'notice'>;

/** "je naam, je e-mailadres" — categories in plain words, in the order of the contract. */
export function useScopeNames() {
  const { t } = useTranslation();
  return {
    label: (scope: PartnerScope) => t(`partners.scopes.${scope}`),
    short: (scope: PartnerScope) => t(`partners.scopesShort.${scope}`),
    list: (scopes: readonly PartnerScope[]) => (scopes.length ? scopes.map((scope) => t(`partners.scopesShort.${scope}`)).join(', ') : t('partners.scopesNone')),
  };
}

/** The logo as the platform serves it; an address anywhere else is never loaded (members' browsers do not contact partners). */
const OWN_LOGO_PATH = /^\/api\/partners\/[0-9a-f-]{36}\/logo(\?v=\d+)?$/i;

/**
 * The partner's logo when the platform serves one and it loads; nothing otherwise (the name is
 * always next to it, so the image is decorative).
 */
export function PartnerLogo({ url }: { url: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  const src = url && OWN_LOGO_PATH.test(url) ? url : null;
  if (!src || failed === src) return <span className="partner-logo partner-logo--none" aria-hidden="true" />;
  return <img className="partner-logo" src={src} alt="" width={48} height={48} referrerPolicy="no-referrer" loading="lazy" onError={() => setFailed(src)} />;
}

/** Logo and name as a heading of the given level. */
export function PartnerHeading({ partner, level = 2, id }: { partner: Pick<PartnerIdentity, 'name' | 'logoUrl'>; level?: 1 | 2 | 3; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <div className="partner-head">
      <PartnerLogo url={partner.logoUrl} />
      <Tag id={id} className="partner-head__name">
        {partner.name}
      </Tag>
    </div>
  );
}

/** Who the partner is and how to reach it. */
export function PartnerIdentityDetails({ partner, include = 'all' }: { partner: PartnerIdentity; include?: 'all' | 'contact' }) {
  const { t } = useTranslation();
  return (
    <dl className="details partner-details">
      {include === 'all' ? (
        <>
          <div className="details__row">
            <dt>{t('partners.identity.legalName')}</dt>
            <dd>{partner.legalName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('partners.identity.address')}</dt>
            <dd className="partner-text">{partner.address}</dd>
          </div>
          <div className="details__row">
            <dt>{t('partners.identity.website')}</dt>
            <dd>
              <ExternalLink href={partner.websiteUrl} />
            </dd>
          </div>
        </>
      ) : null}
      <div className="details__row">
        <dt>{t('partners.identity.contact')}</dt>
        <dd>
          <MailLink email={partner.contactEmail} />
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.identity.dpo')}</dt>
        <dd>
          <MailLink email={partner.dpoEmail} />
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.identity.privacyPolicy')}</dt>
        <dd>
          <ExternalLink href={partner.privacyPolicyUrl}>{t('partners.identity.privacyPolicyLink', { name: partner.name })}</ExternalLink>
        </dd>
      </div>
    </dl>
  );
}

/** The privacy notice ("privacybijsluiter"): what the partner does with the data, for how long, where. */
export function PartnerNoticeDetails({ notice }: { notice: PartnerNoticeView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const scopes = useScopeNames();
  return (
    <dl className="details partner-notice">
      <div className="details__row">
        <dt>{t('partners.notice.version')}</dt>
        <dd>{t('partners.notice.versionValue', { version: notice.version, date: formatDate(notice.publishedAt, language) })}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.service')}</dt>
        <dd className="partner-text">{notice.serviceDescription}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.purposes')}</dt>
        <dd className="partner-text">{notice.purposes}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.categories')}</dt>
        <dd>{scopes.list(notice.dataCategories)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.retention')}</dt>
        <dd className="partner-text">{notice.retention}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.storage')}</dt>
        <dd className="partner-text">{notice.storageLocation}</dd>
      </div>
      <div className="details__row">
        <dt>{t('partners.notice.subProcessors')}</dt>
        <dd>
          {notice.subProcessors.length ? (
            <ul className="partner-list">
              {notice.subProcessors.map((name, index) => (
                <li key={`${index}-${name}`}>{name}</li>
              ))}
            </ul>
          ) : (
            t('partners.notice.noSubProcessors')
          )}
        </dd>
      </div>
    </dl>
  );
}
