import { Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import type { SavedSearch, SavedSearchList, SearchFilters } from '@lesplein/contracts/search';
import type { Actor } from '../../../core/auth/actor.js';
import { Conflict, NotFound } from '../../../core/errors/domain-error.js';
import { toSavedSearch } from './saved-search.mapper.js';
import { SavedSearchesRepository } from './saved-searches.repository.js';
import { canonicalFilters, filtersKey, storedFilters } from './search-filters.js';

/** How many saved searches one member may keep (each with an alert costs a search per run). */
export const MAX_SAVED_SEARCHES = 50;

/** A member's saved searches: only the owner sees or changes them (404 for anyone else). */
@Injectable()
export class SavedSearchesService {
  constructor(private readonly saved: SavedSearchesRepository) {}

  async create(actor: Actor, input: { name: string; filters: SearchFilters; alert: boolean }): Promise<SavedSearch> {
    if ((await this.saved.count(actor.memberId)) >= MAX_SAVED_SEARCHES) {
      throw Conflict(`You can keep at most ${MAX_SAVED_SEARCHES} saved searches; remove one first.`, ProblemCode.tooManySavedSearches);
    }
    // Alerts start from now: resources published before saving are not "new".
    return toSavedSearch(await this.saved.create(actor.memberId, { name: input.name, filters: canonicalFilters(input.filters), alert: input.alert }));
  }

  async list(actor: Actor): Promise<SavedSearchList> {
    return { items: (await this.saved.list(actor.memberId, MAX_SAVED_SEARCHES)).map(toSavedSearch) };
  }

  async update(actor: Actor, id: string, changes: { name?: string; filters?: SearchFilters; alert?: boolean }): Promise<SavedSearch> {
    const current = await this.saved.find(actor.memberId, id);
    if (!current) throw NotFound('Saved search');
    const filters = changes.filters ? canonicalFilters(changes.filters) : undefined;
    const filtersChanged = filters !== undefined && filtersKey(filters) !== filtersKey(storedFilters(current.filters));
    const alertSwitchedOn = changes.alert === true && !current.alert;
    const updated = await this.saved.update(actor.memberId, id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(filters ? { filters } : {}),
      ...(changes.alert !== undefined ? { alert: changes.alert } : {}),
      // New filters, or an alert switched back on, look only at what is published from now on.
      ...(filtersChanged || alertSwitchedOn ? { alertsCheckedUntil: new Date() } : {}),
    });
    if (!updated) throw NotFound('Saved search');
    return toSavedSearch(updated);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if ((await this.saved.delete(actor.memberId, id)) === 0) throw NotFound('Saved search');
  }
}
