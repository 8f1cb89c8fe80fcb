import type { SearchFilters } from '@lesplein/contracts/search';

export interface NewMatches {
  /** How many visible resources published in the window match (may be capped by the finder). */
  count: number;
  /** The most recently published of them. */
  first: { id: string; title: string } | null;
}

/**
 * Port for saved-search alerts: which visible resources, published after `after` and up to
 * `until`, match the filters — leaving out the member's own resources.
 */
export abstract class NewMatchFinder {
  abstract find(filters: SearchFilters, window: { after: Date; until: Date }, memberId: string): Promise<NewMatches>;
}
