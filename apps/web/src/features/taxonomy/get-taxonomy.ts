import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Taxonomy } from '@lesplein/contracts/taxonomy';
import { api, lazySchema } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

// The schema loads alongside the request: this is on the start-up path, and zod is not (lib/api-client.ts).
const schema = lazySchema(() => import('@lesplein/contracts/taxonomy').then((m) => m.Taxonomy));

/** GET /api/taxonomy — education levels and subjects; changes rarely, so it is cached for long. */
export function getTaxonomy(signal?: AbortSignal): Promise<Taxonomy> {
  return api.get('/api/taxonomy', schema, signal);
}

export const taxonomyQuery = queryOptions({
  queryKey: queryKeys.taxonomy,
  queryFn: ({ signal }) => getTaxonomy(signal),
  staleTime: 60 * 60_000,
});

export function useTaxonomy() {
  return useQuery(taxonomyQuery);
}

interface TaxonomyItem {
  key: string;
  nameNl: string;
  nameEn: string;
  parentKey: string | null;
}

/** The name of a level or subject in the interface language. */
export function taxonomyName(item: Pick<TaxonomyItem, 'nameNl' | 'nameEn'>, language: string): string {
  return language === 'en' ? item.nameEn : item.nameNl;
}

export interface TaxonomyGroup<T extends TaxonomyItem> {
  root: T;
  /** Every descendant of `root` in display order, with its depth below the root (1 = child). */
  items: { item: T; depth: number }[];
}

/** Groups a flat list (children after their parent) under its top-level entries. */
export function groupTaxonomy<T extends TaxonomyItem>(items: readonly T[]): TaxonomyGroup<T>[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const groups = new Map<string, TaxonomyGroup<T>>();
  const rootOf = (item: T): { root: T; depth: number } => {
    let current = item;
    let depth = 0;
    const seen = new Set<string>();
    while (current.parentKey && byKey.has(current.parentKey) && !seen.has(current.key)) {
      seen.add(current.key);
      current = byKey.get(current.parentKey)!;
      depth += 1;
    }
    return { root: current, depth };
  };
  for (const item of items) {
    const { root, depth } = rootOf(item);
    let group = groups.get(root.key);
    if (!group) {
      group = { root, items: [] };
      groups.set(root.key, group);
    }
    if (depth > 0) group.items.push({ item, depth });
  }
  return [...groups.values()];
}
