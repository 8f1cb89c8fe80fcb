import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLatestResources } from '../../../features/resources/list-latest-resources';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { ResourceCard } from './resource-card';

const LATEST_COUNT = 8;

/** "Nieuwste leermiddelen" on the home page. */
export function LatestResources({ canShare }: { canShare: boolean }) {
  const { t } = useTranslation();
  const latest = useLatestResources(LATEST_COUNT);
  return (
    <section className="latest" aria-labelledby="latest-title">
      <div className="latest__head">
        <h2 id="latest-title">{t('home.latestTitle')}</h2>
        {canShare ? (
          <Link to="/resources/new" className="button button--secondary">
            {t('nav.shareResource')}
          </Link>
        ) : null}
      </div>
      {latest.isPending ? <Spinner label={t('common.loading')} /> : null}
      {latest.isError ? <Alert tone="error">{describeProblem(latest.error).formError}</Alert> : null}
      {latest.data && latest.data.items.length === 0 ? <p>{t('home.latestEmpty')}</p> : null}
      {latest.data && latest.data.items.length > 0 ? (
        <ul className="resource-cards">
          {latest.data.items.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
