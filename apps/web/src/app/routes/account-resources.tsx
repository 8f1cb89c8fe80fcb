import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import { useMyResources, type MyResourcesFilter } from '../../features/resources/list-my-resources';
import { useRemoveResource } from '../../features/resources/remove-resource';
import { ResourceSaveActions } from '../../components/resource-save-actions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDate } from '../../lib/format';
import { useFlashState } from '../../lib/use-flash-state';
import { usePageTitle } from '../use-page-title';

const FILTERS: readonly MyResourcesFilter[] = ['', 'draft', 'published', 'hidden'];

function asFilter(value: string | null): MyResourcesFilter {
  return (FILTERS as readonly string[]).includes(value ?? '') ? (value as MyResourcesFilter) : '';
}

/** /account/resources — "Mijn leermiddelen": drafts, published and hidden, with edit and remove. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('myResources.title'));
  const [params] = useSearchParams();
  const filter = asFilter(params.get('state'));
  const list = useMyResources(filter);
  const remove = useRemoveResource();
  const [toRemove, setToRemove] = useState<ResourceSummary | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const removedTitle = useFlashState<string>('removed');
  const [removed, setRemoved] = useState<string | null>(removedTitle ?? null);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filterLabel: Record<MyResourcesFilter, string> = {
    '': t('myResources.filters.all'),
    draft: t('myResources.filters.draft'),
    published: t('myResources.filters.published'),
    hidden: t('myResources.filters.hidden'),
  };

  const onRemove = () => {
    if (!toRemove) return;
    setRemoveError(null);
    remove.mutate(toRemove.id, {
      onSuccess: () => {
        setRemoved(toRemove.title);
        setToRemove(null);
      },
      onError: (error) => setRemoveError(describeProblem(error).formError),
    });
  };

  return (
    <div className="page">
      <h1>{t('myResources.title')}</h1>
      <p className="lead">{t('myResources.intro')}</p>
      <p className="actions">
        <Link to="/resources/new" className="button button--primary">
          {t('nav.shareResource')}
        </Link>
      </p>
      {removed ? (
        <Alert tone="success" focusOnMount>
          {t('myResources.removed', { title: removed })}
        </Alert>
      ) : null}
      <nav className="filter-nav" aria-label={t('myResources.filterLabel')}>
        <ul>
          {FILTERS.map((value) => (
            <li key={value || 'all'}>
              <Link to={{ search: value ? `?state=${value}` : '' }} aria-current={filter === value ? 'page' : undefined} onClick={() => setRemoved(null)}>
                {filterLabel[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      {list.isSuccess && items.length === 0 ? (
        <p>{filter ? t('myResources.emptyFiltered', { filter: filterLabel[filter].toLocaleLowerCase() }) : t('myResources.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={filterLabel[filter]}>
          {items.map((resource) => (
            <li key={resource.id} className="item-list__item">
              <div className="item-list__main">
                <h2 className="item-list__title">
                  <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
                </h2>
                <p className="item-list__meta">
                  <span className={`state-badge state-badge--${resource.state}`}>{t(`resourceStates.${resource.state}`)}</span> {t(`resourceTypes.${resource.type}`)} ·{' '}
                  {resource.publishedAt
                    ? t('resources.view.publishedOn', { date: formatDate(resource.publishedAt, language) })
                    : t('resources.view.createdOn', { date: formatDate(resource.createdAt, language) })}{' '}
                  · {t('myResources.counts', { views: formatCount(resource.counts.views, language), downloads: formatCount(resource.counts.downloads, language) })}
                </p>
              </div>
              <div className="item-list__actions">
                {resource.state === 'published' ? <ResourceSaveActions resourceId={resource.id} title={resource.title} /> : null}
                <Link to={`/resources/${resource.id}/edit`} className="button button--secondary">
                  {t('common.edit')}
                  <span className="visually-hidden"> {resource.title}</span>
                </Link>
                <Button variant="danger" onClick={() => setToRemove(resource)}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {resource.title}</span>
                </Button>
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
      {list.isFetchNextPageError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      <p className="visually-hidden" role="status">
        {list.isSuccess ? t('myResources.shown', { count: items.length }) : ''}
      </p>

      <ConfirmDialog
        open={toRemove !== null}
        title={t('resources.actions.removeTitle')}
        confirmLabel={t('resources.actions.removeConfirm')}
        busyLabel={t('common.removing')}
        busy={remove.isPending}
        error={removeError}
        onConfirm={onRemove}
        onCancel={() => {
          setToRemove(null);
          setRemoveError(null);
        }}
      >
        <p>{t('resources.actions.removeBody', { title: toRemove?.title ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
