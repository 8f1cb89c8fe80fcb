import './partners/partners.css';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAdminPartners } from '../../features/partners/list-admin-partners';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { PartnerStatusBadge } from './partners/partner-status';

/** /admin/partners — admins: every partner with its status, active consents and notice version. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('adminPartners.title'));
  const partners = useAdminPartners();
  const items = partners.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('adminPartners.title')}</h1>
      <p className="lead">{t('adminPartners.intro')}</p>
      <p className="actions">
        <Link to="/admin/partners/new" className="button button--primary">
          {t('adminPartners.add')}
        </Link>
        <Link to="/partners">{t('adminPartners.publicPage')}</Link>
      </p>
      {partners.isPending ? <Spinner label={t('common.loading')} /> : null}
      {partners.isError ? <Alert tone="error">{describeProblem(partners.error).formError}</Alert> : null}
      {partners.isSuccess && items.length === 0 ? <p>{t('adminPartners.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('adminPartners.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminPartners.columns.name')}</th>
                <th scope="col">{t('adminPartners.columns.status')}</th>
                <th scope="col">{t('adminPartners.columns.consents')}</th>
                <th scope="col">{t('adminPartners.columns.notice')}</th>
                <th scope="col">{t('adminPartners.columns.clientId')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((partner) => (
                <tr key={partner.id}>
                  <th scope="row">
                    <Link to={`/admin/partners/${encodeURIComponent(partner.id)}`}>{partner.name}</Link>
                  </th>
                  <td>
                    <PartnerStatusBadge status={partner.status} />
                  </td>
                  <td>{formatCount(partner.activeConsents, language)}</td>
                  <td>{t('adminPartners.noticeVersion', { version: partner.notice.version })}</td>
                  <td>
                    <code>{partner.clientId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
