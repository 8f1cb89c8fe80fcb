import './search/search.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FacetName, SearchResult, SearchSort } from '@lesplein/contracts/search';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { shownCount } from '../../features/search/estimated-count';
import { useSearchResults } from '../../features/search/search-resources';
import { emptySearch, hasCriteria, readSearch, toggleFacet, writeSearch, type SearchState } from '../../features/search/search-url';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { usePageTitle } from '../use-page-title';
import { ActiveFilters } from './search/active-filters';
import { FacetPanel } from './search/facet-panel';
import { NoResults } from './search/no-results';
import { SaveSearchButton } from './search/save-search-dialog';
import { SearchHitCard } from './search/search-hit-card';

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'rating', 'views'];

/**
 * /search — "Zoeken": results appear as the member types (debounced), with facet counts,
 * filter chips and sorting. The whole state lives in the URL: shareable, and the back button
 * returns to the previous filters. Typing replaces the history entry; filters add one.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const resultCount = (result: Pick<SearchResult, 'total' | 'estimated'>) =>
    result.estimated ? t('search.resultCountEstimated', shownCount(result.total, true, i18n.resolvedLanguage ?? 'nl')) : t('search.resultCount', { count: result.total });
  const { data: member } = useCurrentMember();
  const [params, setParams] = useSearchParams();
  const state = readSearch(params);
  const inputId = useId();
  const [text, setText] = useState(state.q);
  const typed = useDebouncedValue(text, 300);
  const lastWritten = useRef(state.q);
  usePageTitle(state.q ? t('search.titleFor', { q: state.q }) : t('search.title'));

  const update = (next: SearchState, replace = false) => setParams(writeSearch(next), { replace, preventScrollReset: true });

  // The typed text reaches the URL once the member pauses.
  useEffect(() => {
    if (typed === lastWritten.current) return;
    lastWritten.current = typed;
    update({ ...readSearch(params), q: typed }, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new pause in typing writes
  }, [typed]);

  // Back and forward (or a suggestion link) change the URL: the field follows.
  useEffect(() => {
    if (state.q !== lastWritten.current) {
      lastWritten.current = state.q;
      setText(state.q);
    }
  }, [state.q]);

  const results = useSearchResults(state);
  const pages = results.data?.pages ?? [];
  const first = pages[0];
  const hits = pages.flatMap((page) => page.items);
  const sort = first?.sort ?? state.sort ?? (state.q ? 'relevance' : 'newest');
  const toggle = (facet: FacetName, value: string) => update(toggleFacet(state, facet, value));
  const clearFilters = () => update({ ...emptySearch, q: state.q, sort: state.sort });

  return (
    <div className="page">
      <h1>{t('search.title')}</h1>
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          lastWritten.current = text;
          update({ ...state, q: text });
        }}
      >
        <label htmlFor={inputId} className="field__label">
          {t('search.inputLabel')}
        </label>
        <div className="search-form__row">
          <input id={inputId} type="search" className="field__control" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} placeholder={t('search.placeholder')} autoFocus />
          <Button type="submit">{t('search.submit')}</Button>
        </div>
      </form>

      <div className="search-layout">
        <FacetPanel state={state} facets={first?.facets ?? {}} estimated={first?.estimated ?? false} onToggle={toggle} />
        <section className="search-results" aria-labelledby={`${inputId}-results`} aria-busy={results.isFetching}>
          <div className="search-results__head">
            <h2 id={`${inputId}-results`} className="search-results__count">
              {first ? resultCount(first) : t('search.results')}
            </h2>
            <label className="search-sort">
              {t('search.sort.label')}{' '}
              <select value={sort} onChange={(event) => update({ ...state, sort: event.target.value as SearchSort })}>
                {SORTS.map((option) => (
                  <option key={option} value={option}>
                    {t(`search.sort.${option}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {first?.estimated ? <p className="search-results__note">{t('search.estimatedNote')}</p> : null}
          <ActiveFilters state={state} onRemove={toggle} onClear={clearFilters} />
          {member && hasCriteria(state) ? <SaveSearchButton filters={filtersOf(state)} suggestedName={state.q.trim() || t('search.save.defaultName')} /> : null}
          {results.isFetching && !results.isFetchingNextPage ? <Spinner label={t('search.searching')} /> : null}
          {results.isError ? <Alert tone="error">{describeProblem(results.error).formError}</Alert> : null}
          {first && first.total === 0 ? <NoResults state={state} didYouMean={first.didYouMean} onClear={clearFilters} /> : null}
          {first && first.total > 0 && first.didYouMean ? (
            <p>
              {t('search.empty.didYouMean')}{' '}
              <button type="button" className="button button--link" onClick={() => update({ ...state, q: first.didYouMean ?? state.q })}>
                {first.didYouMean}
              </button>
              ?
            </p>
          ) : null}
          {hits.length > 0 ? (
            <ul className="search-hits" aria-label={t('search.results')}>
              {hits.map((hit) => (
                <SearchHitCard key={hit.id} hit={hit} />
              ))}
            </ul>
          ) : null}
          {results.hasNextPage ? (
            <p className="actions">
              <Button variant="secondary" onClick={() => void results.fetchNextPage()} busy={results.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
                {t('common.loadMore')}
              </Button>
            </p>
          ) : null}
          <p className="visually-hidden" role="status">
            {first && !results.isFetching ? resultCount(first) : ''}
          </p>
        </section>
      </div>
    </div>
  );
}

/** The part of the page's state a saved search keeps (everything but the sort). */
function filtersOf(state: SearchState) {
  const { sort: _sort, ...filters } = state;
  return filters;
}
