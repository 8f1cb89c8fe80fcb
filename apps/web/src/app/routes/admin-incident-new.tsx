import './administration/administration.css';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateIncident } from '../../features/administration/create-incident';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink } from './administration/admin-parts';
import { emptyIncident, IncidentForm } from './administration/incident-form';

/** /admin/incidents/new — registers an incident in the register (audited). */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('administration.incidents.newTitle'));
  const navigate = useNavigate();
  const create = useCreateIncident();
  return (
    <div className="page page--narrow">
      <AdminBackLink />
      <h1>{t('administration.incidents.newTitle')}</h1>
      <p className="lead">{t('administration.incidents.newIntro')}</p>
      <IncidentForm
        label={t('administration.incidents.newTitle')}
        initial={emptyIncident()}
        submitLabel={t('administration.incidents.create')}
        busy={create.isPending}
        save={async (input) => {
          const created = await create.mutateAsync(input);
          void navigate(`/admin/incidents/${encodeURIComponent(created.id)}`, { state: { saved: t('administration.incidents.created') } });
        }}
        onCancel={() => void navigate('/admin/incidents')}
      />
    </div>
  );
}
