import './administration/administration.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentStatusFilter } from '../../features/administration/administration-keys';
import { INCIDENTS_CSV_FILE_NAME, incidentsCsvUrl } from '../../features/administration/export-incidents';
import { useIncidents } from '../../features/administration/list-incidents';
import { Alert } from '../../components/ui/alert';
import { SelectField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

/** The start of a long text, for a list. */
function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * /admin/incidents — "Incidenten": the incident register, most recently found first, filtered by
 * status; links to register a new incident, to edit each one, and to download the register as CSV.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('administration.incidents.title'));
  const [status, setStatus] = useState<IncidentStatusFilter>('');
  const incidents = useIncidents(status);
  const items = incidents.data?.items ?? [];
  const captionId = `incidents${useId().replace(/:/g, '')}`;

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('administration.incidents.title')}</h1>
      <p className="lead">{t('administration.incidents.intro')}</p>
      <p className="actions">
        <Link to="/admin/incidents/new" className="button button--primary">
          {t('administration.incidents.add')}
        </Link>
        <a className="button button--secondary" href={incidentsCsvUrl(status)} download={INCIDENTS_CSV_FILE_NAME}>
          {status ? t('administration.incidents.downloadFiltered', { status: t(`administration.incidents.status.${status}`) }) : t('administration.incidents.download')}
        </a>
      </p>
      <div className="admin-filters admin-filters--inline">
        <SelectField
          label={t('administration.incidents.statusFilter')}
          value={status}
          options={[
            { value: '', label: t('administration.incidents.allStatuses') },
            { value: 'open', label: t('administration.incidents.status.open') },
            { value: 'closed', label: t('administration.incidents.status.closed') },
          ]}
          onValueChange={(value) => setStatus(value as IncidentStatusFilter)}
        />
      </div>
      {incidents.isFetching ? <Spinner label={t('common.loading')} /> : null}
      {incidents.isError ? <Alert tone="error">{describeProblem(incidents.error).formError}</Alert> : null}
      {incidents.isSuccess && items.length === 0 ? <p>{status ? t('administration.incidents.emptyFiltered') : t('administration.incidents.empty')}</p> : null}
      {items.length > 0 ? (
        <ScrollTable labelledBy={captionId}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">
              {t('administration.incidents.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('administration.incidents.fields.nature')}</th>
                <th scope="col">{t('administration.incidents.fields.foundAt')}</th>
                <th scope="col">{t('administration.incidents.fields.status')}</th>
                <th scope="col">{t('administration.incidents.fields.peopleAffected')}</th>
                <th scope="col">{t('administration.incidents.columns.authority')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((incident) => (
                <tr key={incident.id}>
                  <th scope="row">
                    <Link to={`/admin/incidents/${encodeURIComponent(incident.id)}`}>{excerpt(incident.nature)}</Link>
                  </th>
                  <td className="admin-nowrap">{formatDateTime(incident.foundAt, language)}</td>
                  <td>
                    <span className={`badge admin-status admin-status--${incident.status}`}>{t(`administration.incidents.status.${incident.status}`)}</span>
                  </td>
                  <td>{incident.peopleAffected === null ? t('administration.incidents.unknown') : formatCount(incident.peopleAffected, language)}</td>
                  <td>{incident.authorityNotifiedAt ? formatDateTime(incident.authorityNotifiedAt, language) : t('administration.incidents.notNotified')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </div>
  );
}
