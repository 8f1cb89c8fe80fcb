import type { FacetName } from '@lesplein/contracts/search';

/**
 * The filters of a search as tsquery text over SearchDocument."facetVector", whose generated
 * lexemes (migration `search_facet_vector`) are one per filterable value — "s:<subject>",
 * "l:<level>", "t:<type>", "g:<language>", "c:<licence>", "a:<age band>", "m:file", "m:link" —
 * plus sample markers: "z<j>" on the documents whose id hashes to a multiple of 2^j (one in 2^j).
 * With these, the text, the filters and a sample are answered by one GIN index scan.
 */

/** The active filters' values, per facet (empty list: no filter). */
export type FacetSelection = Record<FacetName, readonly string[]>;

const PREFIX: Record<FacetName, string> = { subject: 's', level: 'l', type: 't', language: 'g', licence: 'c', age: 'a', media: 'm' };

/** The deepest sample marker the generated column writes (one document in 1,024). */
export const MAX_SAMPLE_DEPTH = 10;

/** A lexeme quoted for tsquery input (any character is literal inside the quotes). */
function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** One facet's filter: any of its values (OR within a facet); null when the facet is not filtered. */
function anyValue(facet: FacetName, values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const lexemes = [...new Set(values)].map((value) => quoted(`${PREFIX[facet]}:${value}`));
  return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' | ')})`;
}

function active(selection: FacetSelection): string[] {
  return (Object.keys(PREFIX) as FacetName[]).map((facet) => anyValue(facet, selection[facet])).filter((part): part is string => part !== null);
}

const and = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`);

/** Documents passing every filter (AND across facets); null when nothing is filtered. */
export function allFilters(selection: FacetSelection): string | null {
  const parts = active(selection);
  return parts.length === 0 ? null : and(parts);
}

/**
 * Documents failing at most one filter: the rows that count in some facet (each facet is counted
 * ignoring its own filter). Null when that is every document (none or one facet filtered).
 */
export function countedByFacets(selection: FacetSelection): string | null {
  const parts = active(selection);
  if (parts.length <= 1) return null;
  return `(${parts.map((_, skipped) => and(parts.filter((__, i) => i !== skipped))).join(' | ')})`;
}

/** The marker of a sample of one document in 2^depth (depth 1…MAX_SAMPLE_DEPTH). */
export function sampleMarker(depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_SAMPLE_DEPTH) throw new RangeError(`sample depth ${depth} is outside 1…${MAX_SAMPLE_DEPTH}`);
  return quoted(`z${depth}`);
}

/** Both conditions, either possibly absent. */
export function both(a: string | null, b: string | null): string | null {
  return a && b ? `${a} & ${b}` : (a ?? b);
}
