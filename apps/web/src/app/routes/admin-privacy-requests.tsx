import './administration/administration.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PrivacyRequestKind, PrivacyRequestStatus } from '@lesplein/contracts/privacy-request';
import type { RequestFilter } from '../../features/privacy-requests/privacy-request-keys';
import { useAdminPrivacyRequests } from '../../features/privacy-requests/list-admin-privacy-requests';
import { Alert } from '../../components/ui/alert';
import { SelectField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

/**
 * /admin/privacy-requests — "Verzoeken": the queue of requests to the data protection officer and
 * feedback, open first by deadline; overdue ones are marked in words and colour.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('requests.admin.title'));
  const [filter, setFilter] = useState<RequestFilter>({ status: '', kind: '' });
  const requests = useAdminPrivacyRequests(filter);
  const items = requests.data?.items ?? [];
  const captionId = `requests${useId().replace(/:/g, '')}`;

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('requests.admin.title')}</h1>
      <p className="lead">{t('requests.admin.intro')}</p>
      <div className="admin-filters admin-filters--inline">
        <SelectField
          label={t('requests.admin.statusFilter')}
          value={filter.status}
          options={[{ value: '', label: t('requests.admin.all') }, ...PrivacyRequestStatus.options.map((status) => ({ value: status, label: t(`contact.status.${status}`) }))]}
          onValueChange={(value) => setFilter((current) => ({ ...current, status: value as RequestFilter['status'] }))}
        />
        <SelectField
          label={t('requests.admin.kindFilter')}
          value={filter.kind}
          options={[{ value: '', label: t('requests.admin.all') }, ...PrivacyRequestKind.options.map((kind) => ({ value: kind, label: t(`contact.kinds.${kind}`) }))]}
          onValueChange={(value) => setFilter((current) => ({ ...current, kind: value as RequestFilter['kind'] }))}
        />
      </div>
      {requests.isFetching ? <Spinner label={t('common.loading')} /> : null}
      {requests.isError ? <Alert tone="error">{describeProblem(requests.error).formError}</Alert> : null}
      {requests.data && items.length === 0 ? <p>{t('requests.admin.empty')}</p> : null}
      {items.length > 0 ? (
        <ScrollTable labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>{t('requests.admin.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requests.admin.columns.request')}</th>
                <th scope="col">{t('requests.admin.columns.from')}</th>
                <th scope="col">{t('requests.admin.columns.received')}</th>
                <th scope="col">{t('requests.admin.columns.due')}</th>
                <th scope="col">{t('requests.admin.columns.status')}</th>
                <th scope="col">{t('requests.admin.columns.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr key={request.id} className={request.overdue ? 'admin-row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/admin/privacy-requests/${encodeURIComponent(request.id)}`}>{t(`contact.kinds.${request.kind}`)}</Link>
                  </th>
                  <td>{request.name ?? request.email}</td>
                  <td>{formatDate(request.receivedAt, language)}</td>
                  <td>
                    {formatDate(request.dueAt, language)}
                    {request.overdue ? <span className="badge admin-overdue"> {t('requests.admin.overdue')}</span> : null}
                  </td>
                  <td>
                    <span className={`badge admin-status admin-status--${request.status === 'answered' || request.status === 'rejected' ? 'closed' : 'open'}`}>{t(`contact.status.${request.status}`)}</span>
                  </td>
                  <td>{request.assignee?.displayName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </div>
  );
}
