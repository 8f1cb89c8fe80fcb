import { Injectable } from '@nestjs/common';
import type { SearchFilters } from '@lesplein/contracts/search';

/** One search as it was answered, for whoever records searches (search history, figures). */
export interface SearchEvent {
  /** The signed-in member, or null for a visitor. */
  memberId: string | null;
  /** What was searched for (text and filters), as validated. */
  filters: SearchFilters;
  /** Number of matches (all pages). */
  total: number;
  /** False for the first page, true for "load more" pages of the same search. */
  nextPage: boolean;
}

/**
 * The seam through which searches are recorded. SearchService calls `onSearch` after answering
 * each `GET /api/search`; a failure is logged and never fails the search. SearchModule provides a
 * no-op by default: to record searches, replace the `SEARCH_OBSERVER` provider in
 * search.module.ts (e.g. `{ provide: SEARCH_OBSERVER, useExisting: SearchHistoryRecorder }`).
 */
export interface SearchObserver {
  onSearch(event: SearchEvent): Promise<void>;
}

export const SEARCH_OBSERVER = Symbol('SEARCH_OBSERVER');

@Injectable()
export class NoopSearchObserver implements SearchObserver {
  async onSearch(): Promise<void> {}
}
