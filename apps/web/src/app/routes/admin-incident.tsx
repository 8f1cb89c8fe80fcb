import './administration/administration.css';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '@lesplein/contracts/incident';
import { useIncident } from '../../features/administration/get-incident';
import { useUpdateIncident } from '../../features/administration/update-incident';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { PageSpinner } from '../../components/ui/spinner';
import { isApiError } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDateTime } from '../../lib/format';
import { useFlashState } from '../../lib/use-flash-state';
import { usePageTitle } from '../use-page-title';
import { IncidentForm, incidentValues } from './administration/incident-form';

/** /admin/incidents/:id — one entry of the incident register, with every field; edit and save the whole entry. */
export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const incident = useIncident(id);
  usePageTitle(t('administration.incidents.detailTitle'));

  if (incident.isPending) return <PageSpinner label={t('common.loading')} />;
  if (incident.isError) {
    const missing = isApiError(incident.error) && (incident.error.status === 404 || incident.error.status === 400);
    return (
      <div className="page page--narrow">
        <h1>{missing ? t('administration.incidents.notFound') : t('administration.incidents.detailTitle')}</h1>
        {missing ? null : <Alert tone="error">{describeProblem(incident.error).formError}</Alert>}
        <p>
          <Link to="/admin/incidents">{t('administration.incidents.back')}</Link>
        </p>
      </div>
    );
  }
  return <IncidentPage incident={incident.data} />;
}

function IncidentPage({ incident }: { incident: IncidentView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const update = useUpdateIncident();
  const flash = useFlashState<string>('saved');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(flash ?? null);
  const when = (value: string | null, none: string) => (value ? formatDateTime(value, language) : none);
  const count = (value: number | null) => (value === null ? t('administration.incidents.unknown') : formatCount(value, language));

  const rows: [string, ReactNode][] = [
    [t('administration.incidents.fields.status'), t(`administration.incidents.status.${incident.status}`)],
    [t('administration.incidents.fields.foundAt'), when(incident.foundAt, '')],
    [t('administration.incidents.fields.occurredAt'), when(incident.occurredAt, t('administration.incidents.unknown'))],
    [t('administration.incidents.fields.nature'), <span className="admin-text">{incident.nature}</span>],
    [t('administration.incidents.fields.cause'), <span className="admin-text">{incident.cause}</span>],
    [t('administration.incidents.fields.measures'), <span className="admin-text">{incident.measures}</span>],
    [
      t('administration.incidents.fields.dataCategories'),
      incident.dataCategories.length ? (
        <ul className="admin-list">
          {incident.dataCategories.map((category) => (
            <li key={category}>{category}</li>
          ))}
        </ul>
      ) : (
        t('administration.incidents.none')
      ),
    ],
    [t('administration.incidents.fields.peopleAffected'), count(incident.peopleAffected)],
    [t('administration.incidents.fields.recordsAffected'), count(incident.recordsAffected)],
    [t('administration.incidents.fields.authorityNotifiedAt'), when(incident.authorityNotifiedAt, t('administration.incidents.notNotified'))],
    [t('administration.incidents.fields.peopleNotifiedAt'), when(incident.peopleNotifiedAt, t('administration.incidents.notNotified'))],
    [t('administration.incidents.registeredAt'), when(incident.createdAt, '')],
    [t('administration.incidents.updatedAt'), when(incident.updatedAt, '')],
  ];

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/admin/incidents">{t('administration.incidents.back')}</Link>
      </p>
      <h1>{t('administration.incidents.detailHeading', { time: formatDateTime(incident.foundAt, language) })}</h1>
      {message ? (
        <Alert tone="success" focusOnMount>
          {message}
        </Alert>
      ) : null}
      {editing ? (
        <IncidentForm
          label={t('administration.incidents.editTitle')}
          initial={incidentValues(incident)}
          submitLabel={t('administration.incidents.save')}
          busy={update.isPending}
          save={async (input) => {
            await update.mutateAsync({ id: incident.id, input });
            setEditing(false);
            setMessage(t('administration.incidents.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="details">
            {rows.map(([label, value]) => (
              <div className="details__row" key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() => {
                setMessage(null);
                setEditing(true);
              }}
            >
              {t('administration.incidents.edit')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
