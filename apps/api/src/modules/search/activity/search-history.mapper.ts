import type { SearchHistoryEntry } from '@lesplein/contracts/search';
import { storedFilters } from './search-filters.js';

/** A stored history row as the member sees it. */
export function toSearchHistoryEntry(row: { id: string; filters: unknown; resultCount: number; searchedAt: Date }): SearchHistoryEntry {
  return { id: row.id, filters: storedFilters(row.filters), resultCount: row.resultCount, searchedAt: row.searchedAt.toISOString() };
}
