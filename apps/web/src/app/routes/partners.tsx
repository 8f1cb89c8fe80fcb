import './partners/partners.css';
import { useTranslation } from 'react-i18next';
import { usePublicPartners } from '../../features/partners/list-public-partners';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';
import { PartnerHeading, PartnerIdentityDetails, PartnerNoticeDetails } from './partners/partner-parts';

/** /partners — public: who members can log in to with Lesplein, and each partner's current privacy notice. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('partnersPage.title'));
  const partners = usePublicPartners();
  const items = partners.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('partnersPage.title')}</h1>
      <p className="lead">{t('partnersPage.intro')}</p>
      <p>{t('partnersPage.control')}</p>
      {partners.isPending ? <Spinner label={t('common.loading')} /> : null}
      {partners.isError ? <Alert tone="error">{describeProblem(partners.error).formError}</Alert> : null}
      {partners.isSuccess && items.length === 0 ? <p>{t('partnersPage.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="plain-list authorisation-list" aria-label={t('partnersPage.listLabel')}>
          {items.map((partner) => (
            <li key={partner.id}>
              <article className="section partner-card" aria-labelledby={`partner-${partner.id}`}>
                <PartnerHeading partner={partner} level={2} id={`partner-${partner.id}`} />
                <PartnerIdentityDetails partner={partner} />
                <h3 className="partner-card__subheading">{t('partnersPage.noticeTitle')}</h3>
                <PartnerNoticeDetails notice={partner.notice} />
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
