import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SavedSearch, SearchFilters, SearchHistoryEntry } from '@lesplein/contracts/search';
import { useClearSearchHistory } from '../../features/search/clear-search-history';
import { useDeleteSavedSearch } from '../../features/search/delete-saved-search';
import { useSearchHistorySettings } from '../../features/search/get-search-history-settings';
import { useSavedSearches } from '../../features/search/list-saved-searches';
import { useSearchHistory } from '../../features/search/list-search-history';
import { useRemoveSearchHistoryEntry } from '../../features/search/remove-search-history-entry';
import { useSetSearchHistorySettings } from '../../features/search/set-search-history-settings';
import { useUpdateSavedSearch } from '../../features/search/update-saved-search';
import { activeFilters, searchPath } from '../../features/search/search-url';
import { useTaxonomy } from '../../features/taxonomy/get-taxonomy';
import { HistoryPauseSection } from '../../components/history-pause-section';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { facetLabel } from './search/facet-label';

type Message = { tone: 'success' | 'error'; text: string } | null;

/** /account/searches — "Mijn zoekopdrachten": saved searches with alerts, and the search history to delete or pause. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('searches.title'));
  return (
    <div className="page">
      <h1>{t('searches.title')}</h1>
      <p className="lead">{t('searches.intro')}</p>
      <SavedSearches />
      <HistorySettings />
      <History />
    </div>
  );
}

/** "breuken · Wiskunde · Lager 4" — the words and filters of a search, in the interface language. */
function useDescribeFilters() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const taxonomy = useTaxonomy();
  return (filters: SearchFilters) => {
    const parts = activeFilters({ ...filters, sort: null }).map(({ facet, value }) => facetLabel(facet, value, t, language, taxonomy.data));
    return [filters.q ? `„${filters.q}”` : t('searches.everything'), ...parts].join(' · ');
  };
}

function SavedSearches() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const describe = useDescribeFilters();
  const saved = useSavedSearches();
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const [message, setMessage] = useState<Message>(null);
  const items = saved.data?.items ?? [];

  const toggleAlert = (item: SavedSearch) => {
    setMessage(null);
    update.mutate(
      { id: item.id, changes: { alert: !item.alert } },
      {
        onSuccess: (result) => setMessage({ tone: 'success', text: result.alert ? t('searches.alertOnDone', { name: result.name }) : t('searches.alertOffDone', { name: result.name }) }),
        onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
      },
    );
  };

  const onRemove = (item: SavedSearch) => {
    setMessage(null);
    remove.mutate(item.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('searches.savedRemoved', { name: item.name }) }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };

  return (
    <section className="section" aria-labelledby="saved-searches">
      <h2 id="saved-searches">{t('searches.savedTitle')}</h2>
      <p>{t('searches.savedIntro')}</p>
      {message ? (
        <Alert tone={message.tone} focusOnMount={message.tone === 'success'}>
          {message.text}
        </Alert>
      ) : null}
      {saved.isPending ? <Spinner label={t('common.loading')} /> : null}
      {saved.isError ? <Alert tone="error">{describeProblem(saved.error).formError}</Alert> : null}
      {saved.isSuccess && items.length === 0 ? (
        <p>
          {t('searches.savedEmpty')} <Link to="/search">{t('searches.goSearch')}</Link>
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('searches.savedTitle')}>
          {items.map((item) => (
            <li key={item.id} className="item-list__item">
              <div className="item-list__main">
                <h3 className="item-list__title">
                  <Link to={searchPath({ ...item.filters, sort: null })}>{item.name}</Link>
                </h3>
                <p className="item-list__meta">{describe(item.filters)}</p>
                <p className="item-list__meta">
                  {item.alert ? t('searches.alertOn') : t('searches.alertOff')}
                  {item.lastAlertedAt ? ` · ${t('searches.lastAlerted', { time: formatDateTime(item.lastAlertedAt, language) })}` : ''}
                </p>
              </div>
              <div className="item-list__actions">
                <Button variant="secondary" onClick={() => toggleAlert(item)} busy={update.isPending && update.variables?.id === item.id} busyLabel={t('common.saving')}>
                  {item.alert ? t('searches.alertTurnOff') : t('searches.alertTurnOn')}
                  <span className="visually-hidden"> {item.name}</span>
                </Button>
                <Button variant="secondary" onClick={() => onRemove(item)} busy={remove.isPending && remove.variables === item.id} busyLabel={t('common.removing')}>
                  {t('common.remove')}
                  <span className="visually-hidden"> {item.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function HistorySettings() {
  const { t } = useTranslation();
  const texts = {
    title: t('searches.settingsTitle'),
    intro: t('searches.settingsIntro'),
    statePaused: t('searches.statePaused'),
    stateOn: t('searches.stateOn'),
    pause: t('searches.pause'),
    resume: t('searches.resume'),
    pausedDone: t('searches.pausedDone'),
    resumedDone: t('searches.resumedDone'),
  };
  return <HistoryPauseSection id="search-history-settings" settings={useSearchHistorySettings()} change={useSetSearchHistorySettings()} texts={texts} />;
}

function History() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const describe = useDescribeFilters();
  const history = useSearchHistory();
  const removeEntry = useRemoveSearchHistoryEntry();
  const clear = useClearSearchHistory();
  const [confirmClear, setConfirmClear] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  const onRemove = (entry: SearchHistoryEntry) => {
    setMessage(null);
    removeEntry.mutate(entry.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('searches.entryRemoved', { search: describe(entry.filters) }) }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };

  const onClear = () => {
    setClearError(null);
    clear.mutate(undefined, {
      onSuccess: (result) => {
        setConfirmClear(false);
        setMessage({ tone: 'success', text: t('searches.cleared', { count: result.deleted }) });
      },
      onError: (error) => setClearError(describeProblem(error).formError),
    });
  };

  return (
    <section className="section" aria-labelledby="search-history">
      <h2 id="search-history">{t('searches.historyTitle')}</h2>
      {message ? (
        <Alert tone={message.tone} focusOnMount={message.tone === 'success'}>
          {message.text}
        </Alert>
      ) : null}
      {history.isPending ? <Spinner label={t('common.loading')} /> : null}
      {history.isError ? <Alert tone="error">{describeProblem(history.error).formError}</Alert> : null}
      {history.isSuccess && entries.length === 0 ? <p>{t('searches.historyEmpty')}</p> : null}
      {entries.length > 0 ? (
        <>
          <ul className="item-list" aria-label={t('searches.historyTitle')}>
            {entries.map((entry) => {
              const label = describe(entry.filters);
              return (
                <li key={entry.id} className="item-list__item">
                  <div className="item-list__main">
                    <h3 className="item-list__title">
                      <Link to={searchPath({ ...entry.filters, sort: null })}>{label}</Link>
                    </h3>
                    <p className="item-list__meta">
                      {t('searches.searchedAt', { time: formatDateTime(entry.searchedAt, language) })} · {t('searches.resultCount', { count: entry.resultCount })}
                    </p>
                  </div>
                  <div className="item-list__actions">
                    <Button variant="secondary" onClick={() => onRemove(entry)} busy={removeEntry.isPending && removeEntry.variables === entry.id} busyLabel={t('common.removing')}>
                      {t('searches.removeEntry')}
                      <span className="visually-hidden"> {label}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
          {history.hasNextPage ? (
            <p className="actions">
              <Button variant="secondary" onClick={() => void history.fetchNextPage()} busy={history.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
                {t('common.loadMore')}
              </Button>
            </p>
          ) : null}
          <div className="actions">
            <Button variant="danger" onClick={() => setConfirmClear(true)}>
              {t('searches.clear')}
            </Button>
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={confirmClear}
        title={t('searches.clearTitle')}
        confirmLabel={t('searches.clearConfirm')}
        busyLabel={t('common.removing')}
        busy={clear.isPending}
        error={clearError}
        onConfirm={onClear}
        onCancel={() => {
          setConfirmClear(false);
          setClearError(null);
        }}
      >
        <p>{t('searches.clearBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
