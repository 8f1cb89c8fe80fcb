import { useTranslation } from 'react-i18next';
import type { FacetName } from '@lesplein/contracts/search';
import { useTaxonomy } from '../../../features/taxonomy/get-taxonomy';
import { activeFilters, type SearchState } from '../../../features/search/search-url';
import { facetLabel } from './facet-label';

/** Chips for the filters in use; each removes its filter, and one clears them all. */
export function ActiveFilters({ state, onRemove, onClear }: { state: SearchState; onRemove: (facet: FacetName, value: string) => void; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const taxonomy = useTaxonomy();
  const filters = activeFilters(state);
  if (filters.length === 0) return null;
  return (
    <div className="filter-chips" role="group" aria-label={t('search.chips.label')}>
      <ul>
        {filters.map(({ facet, value }) => {
          const label = facetLabel(facet, value, t, language, taxonomy.data);
          return (
            <li key={`${facet}-${value}`}>
              <button type="button" className="filter-chip" onClick={() => onRemove(facet, value)} aria-label={t('search.chips.remove', { facet: t(`search.facets.${facet}`), value: label })}>
                {label} <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--link" onClick={onClear}>
        {t('search.chips.clear')}
      </button>
    </div>
  );
}
