import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyFavourites } from '../../features/favourites/list-my-favourites';
import { ResourceSaveActions } from '../../components/resource-save-actions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';

/** /account/favourites — "Mijn favorieten". */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('favourites.title'));
  const list = useMyFavourites();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page">
      <h1>{t('favourites.title')}</h1>
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      {list.isSuccess && items.length === 0 ? <p>{t('favourites.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('favourites.title')}>
          {items.map((resource) => (
            <li key={resource.id} className="item-list__item">
              <div className="item-list__main">
                <h2 className="item-list__title">
                  <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
                </h2>
                <p className="item-list__meta">{t(`resourceTypes.${resource.type}`)}</p>
              </div>
              <div className="item-list__actions">
                <ResourceSaveActions resourceId={resource.id} title={resource.title} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
