import { Injectable } from '@nestjs/common';
import type { Page } from '@lesplein/contracts/common';
import { SearchFilters, type SearchHistoryEntry, type SearchHistorySettings } from '@lesplein/contracts/search';
import type { Actor } from '../../../core/auth/actor.js';
import { NotFound } from '../../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../../core/pagination/cursor.js';
import { canonicalFilters, filtersKey, isEmptySearch, normaliseQuery } from './search-filters.js';
import { toSearchHistoryEntry } from './search-history.mapper.js';
import { SearchHistoryRepository } from './search-history.repository.js';
import { SearchStatsRepository } from './search-stats.repository.js';

/** A search as the engine reports it: who (or a visitor), what, and how many results. */
export interface SearchEvent {
  memberId: string | null;
  /** The search's filters; extra fields of the query (sort, limit, cursor) are ignored. */
  filters: Partial<SearchFilters>;
  total: number;
  /** A further ("load more") page of a search already recorded. */
  nextPage?: boolean;
}

/** Searches typed in quick succession (as-you-type results) collapse into one history entry. */
const COLLAPSE_MS = 60_000;

/**
 * The member's own search history (see it, delete entries or all, pause it) and the recording
 * of searches: into the history of members who have not paused it, and always into the
 * anonymous daily figures, which hold no link to any member.
 */
@Injectable()
export class SearchHistoryService {
  constructor(
    private readonly history: SearchHistoryRepository,
    private readonly stats: SearchStatsRepository,
  ) {}

  async list(actor: Actor, query: { cursor?: string; limit: number }): Promise<Page<SearchHistoryEntry>> {
    const rows = await this.history.list(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.searchedAt, id: row.id }));
    return { items: page.items.map(toSearchHistoryEntry), nextCursor: page.nextCursor };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if ((await this.history.delete(actor.memberId, id)) === 0) throw NotFound('Search history entry');
  }

  async clear(actor: Actor): Promise<{ deleted: number }> {
    return { deleted: await this.history.clear(actor.memberId) };
  }

  async settings(actor: Actor): Promise<SearchHistorySettings> {
    return { paused: await this.history.isPaused(actor.memberId) };
  }

  async setPaused(actor: Actor, paused: boolean): Promise<SearchHistorySettings> {
    await this.history.setPaused(actor.memberId, paused);
    return { paused };
  }

  /**
   * Records one search. Skipped: further pages of a search and the empty search that
   * lists everything. The member's history gets an entry unless they paused it; the same search,
   * or a refinement of the text while typing, within a minute replaces the previous entry.
   */
  async recordSearch(event: SearchEvent, now = new Date()): Promise<void> {
    if (event.nextPage) return;
    const rest = event.filters;
    const parsed = SearchFilters.safeParse({ q: rest.q, subject: rest.subject, level: rest.level, type: rest.type, language: rest.language, licence: rest.licence, age: rest.age, media: rest.media });
    if (!parsed.success || isEmptySearch(parsed.data)) return;
    const filters = canonicalFilters(parsed.data);
    const total = Math.max(0, Math.trunc(event.total));

    await this.stats.bump(now.toISOString().slice(0, 10), normaliseQuery(filters.q), total === 0);

    if (!event.memberId || (await this.history.isPaused(event.memberId))) return;
    const entry = { filters, filtersKey: filtersKey(filters), resultCount: total };
    const previous = await this.history.latestSince(event.memberId, new Date(now.getTime() - COLLAPSE_MS));
    if (previous && sameOrRefined(previous.filtersKey, filters)) await this.history.replace(event.memberId, previous.id, entry, now);
    else await this.history.record({ memberId: event.memberId, ...entry }, now);
  }
}

/** The same filters, with query texts equal or one a prefix of the other ("wisk" → "wiskunde"). */
function sameOrRefined(previousKey: string, next: SearchFilters): boolean {
  const nextKey = filtersKey(next);
  if (previousKey === nextKey) return true;
  const [previousQuery, ...previousLists] = JSON.parse(previousKey) as [string, ...unknown[]];
  const [nextQuery, ...nextLists] = JSON.parse(nextKey) as [string, ...unknown[]];
  if (JSON.stringify(previousLists) !== JSON.stringify(nextLists) || !previousQuery || !nextQuery) return false;
  return nextQuery.startsWith(previousQuery) || previousQuery.startsWith(nextQuery);
}
