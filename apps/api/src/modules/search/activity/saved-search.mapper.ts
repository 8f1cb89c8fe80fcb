import type { SavedSearch } from '@lesplein/contracts/search';
import { storedFilters } from './search-filters.js';

export function toSavedSearch(row: { id: string; name: string; filters: unknown; alert: boolean; lastAlertedAt: Date | null; createdAt: Date }): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    filters: storedFilters(row.filters),
    alert: row.alert,
    lastAlertedAt: row.lastAlertedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
