import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetName, FacetValue } from '@lesplein/contracts/search';
import { useTaxonomy } from '../../../features/taxonomy/get-taxonomy';
import { FACETS, type SearchState } from '../../../features/search/search-url';
import { shownCount } from '../../../features/search/estimated-count';
import { facetLabel } from './facet-label';

/** The sidebar: per facet, checkboxes with the number of results each value would give (approximate when `estimated`). */
export function FacetPanel({
  state,
  facets,
  estimated,
  onToggle,
}: {
  state: SearchState;
  facets: Partial<Record<FacetName, FacetValue[]>>;
  estimated: boolean;
  onToggle: (facet: FacetName, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const taxonomy = useTaxonomy();
  const baseId = useId();
  return (
    <aside className="facet-panel" aria-label={t('search.facets.label')}>
      <h2 className="visually-hidden">{t('search.facets.label')}</h2>
      {FACETS.map((facet) => {
        const selected = state[facet] as string[];
        const values = [...(facets[facet] ?? [])];
        // A selected value stays visible (and can be unticked) even when it no longer has results.
        for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
        if (values.length === 0) return null;
        return (
          <fieldset key={facet} className="facet-panel__group">
            <legend>{t(`search.facets.${facet}`)}</legend>
            <ul className="facet-panel__values">
              {values.map(({ value, count }) => {
                const id = `${baseId}-${facet}-${value}`;
                return (
                  <li key={value}>
                    <input type="checkbox" id={id} checked={selected.includes(value)} onChange={() => onToggle(facet, value)} />
                    <label htmlFor={id}>
                      {facetLabel(facet, value, t, language, taxonomy.data)} <span className="facet-panel__count">({estimated ? t('search.approximateCount', shownCount(count, true, language)) : count})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </aside>
  );
}
