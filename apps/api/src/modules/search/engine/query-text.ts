/**
 * User queries in web-search syntax (words, "a phrase", -excluded, or), as far as the engines'
 * query rewriting needs to understand them: synonym variants and typo corrections are built by
 * rewriting tokens and serialising them back into the same syntax, which the engine then parses
 * itself (websearch_to_tsquery, Meilisearch's query parser). Nothing here builds SQL.
 */
export interface QueryToken {
  text: string;
  phrase: boolean;
  negated: boolean;
  /** The `or` operator. */
  or: boolean;
}

/** Lower case without diacritics, whitespace collapsed: how terms are compared. */
export function normaliseTerm(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether the query holds anything to search for (operator-only input counts as empty). */
export function hasSearchableText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}

export function tokenize(q: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (q[i] === '-') {
      negated = true;
      i++;
    }
    if (q[i] === '"') {
      const end = q.indexOf('"', i + 1);
      const text = q.slice(i + 1, end === -1 ? q.length : end).trim();
      i = end === -1 ? q.length : end + 1;
      if (text) tokens.push({ text, phrase: true, negated, or: false });
      continue;
    }
    let j = i;
    while (j < q.length && !/\s/.test(q[j]!) && q[j] !== '"') j++;
    const text = q.slice(i, j);
    i = j;
    if (!text) continue;
    const or = !negated && text.toLowerCase() === 'or';
    tokens.push({ text, phrase: false, negated, or });
  }
  return tokens;
}

export function serialize(tokens: QueryToken[]): string {
  return tokens
    .map((token) => (token.or ? 'or' : `${token.negated ? '-' : ''}${token.phrase ? `"${token.text.replace(/"/g, '')}"` : token.text}`))
    .join(' ');
}

const plainWord = (token: QueryToken | undefined) => !!token && !token.phrase && !token.negated && !token.or;

/**
 * The query and its synonym variants (each an alternative the engine ORs in), original first.
 * A group term matches one word, a quoted phrase, or up to four consecutive words ("lager
 * onderwijs"); excluded words are left alone. At most `max` variants.
 */
export function synonymVariants(q: string, groups: string[][], max = 8): string[] {
  const byTerm = new Map<string, string[]>();
  for (const group of groups) {
    const terms = [...new Set(group.map(normaliseTerm).filter(Boolean))];
    for (const term of terms) byTerm.set(term, [...(byTerm.get(term) ?? []), ...terms.filter((other) => other !== term)]);
  }
  const tokens = tokenize(q);
  const choices: QueryToken[][][] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    let matched = false;
    if (!token.negated && !token.or) {
      for (let span = token.phrase ? 1 : 4; span >= 1 && !matched; span--) {
        const slice = tokens.slice(i, i + span);
        if (slice.length < span || (span > 1 && !slice.every(plainWord))) continue;
        const key = normaliseTerm(slice.map((t) => t.text).join(' '));
        const others = byTerm.get(key);
        if (!others?.length) continue;
        choices.push([slice, ...others.map((term) => [{ text: term, phrase: term.includes(' '), negated: false, or: false }])]);
        i += span;
        matched = true;
      }
    }
    if (!matched) {
      choices.push([[token]]);
      i++;
    }
  }
  let variants: QueryToken[][] = [[]];
  for (const alternatives of choices) {
    const next: QueryToken[][] = [];
    for (const variant of variants) for (const alternative of alternatives) if (next.length < max) next.push([...variant, ...alternative]);
    variants = next;
  }
  return [...new Set(variants.map(serialize))];
}

/** The plain (not quoted, not excluded) words of a query, normalised, that are worth correcting. */
export function correctableWords(q: string): string[] {
  return [...new Set(tokenize(q).filter(plainWord).map((t) => normaliseTerm(t.text)).filter((w) => w.length >= 4 && /^[\p{L}\p{N}]+$/u.test(w) && /\p{L}/u.test(w)))];
}

/** The query with words replaced (compared normalised), everything else as typed. */
export function replaceWords(q: string, replacements: Map<string, string>): string {
  return serialize(tokenize(q).map((token) => (plainWord(token) && replacements.has(normaliseTerm(token.text)) ? { ...token, text: replacements.get(normaliseTerm(token.text))! } : token)));
}
