import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeed } from '../../features/follows/get-feed';
import { ResourceSaveActions } from '../../components/resource-save-actions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** /feed — "Mijn nieuws": new resources of members and folders I follow. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('feed.title'));
  const feed = useFeed();
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page">
      <h1>{t('feed.title')}</h1>
      <p className="lead">{t('feed.intro')}</p>
      {feed.isPending ? <Spinner label={t('common.loading')} /> : null}
      {feed.isError ? <Alert tone="error">{describeProblem(feed.error).formError}</Alert> : null}
      {feed.isSuccess && items.length === 0 ? <p>{t('feed.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('feed.title')}>
          {items.map((item) => (
            <li key={`${item.kind}-${item.resource.id}-${item.at}`} className="item-list__item">
              <div className="item-list__main">
                <p className="item-list__meta">
                  {item.kind === 'resource' ? (
                    <>
                      {t('feed.fromMember')} <Link to={`/members/${encodeURIComponent(item.member.handle)}`}>{item.member.displayName}</Link>
                    </>
                  ) : (
                    <>
                      {t('feed.inFolder')} <Link to={`/folders/${item.folder.id}`}>{item.folder.name}</Link>
                    </>
                  )}
                  {' · '}
                  {formatDate(item.at, language)}
                </p>
                <h2 className="item-list__title">
                  <Link to={`/resources/${item.resource.id}`}>{item.resource.title}</Link>
                </h2>
              </div>
              <div className="item-list__actions">
                <ResourceSaveActions resourceId={item.resource.id} title={item.resource.title} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {feed.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void feed.fetchNextPage()} busy={feed.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {feed.isSuccess ? t('feed.shown', { count: items.length }) : ''}
      </p>
    </div>
  );
}
