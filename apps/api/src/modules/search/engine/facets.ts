import type { FacetName, FacetValue } from '@lesplein/contracts/search';
import { FACET_NAMES } from './search-engine.js';

/** Every facet present (possibly empty), values by count then name. */
export function facetRecord(rows: Array<{ facet: FacetName; value: string; count: number }>): Record<FacetName, FacetValue[]> {
  const record = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetValue[]])) as Record<FacetName, FacetValue[]>;
  for (const row of rows) if (row.count > 0 && record[row.facet]) record[row.facet].push({ value: row.value, count: row.count });
  for (const name of FACET_NAMES) record[name].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return record;
}
