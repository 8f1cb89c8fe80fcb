import type { Highlight } from '@lesplein/contracts/search';

/** Sentinels the engines put around matched words; stripped from indexed text so they cannot be forged. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');
const SPLIT = new RegExp(`([${MARK_START}${MARK_END}])`);

export function stripMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Splits text with sentinel marks into inert segments (never HTML), merging neighbours of the same kind. */
export function toSegments(marked: string): Highlight {
  const segments: Highlight = [];
  let match = false;
  for (const part of marked.split(SPLIT)) {
    if (part === MARK_START) match = true;
    else if (part === MARK_END) match = false;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.match === match) last.text += part;
      else segments.push({ text: part, match });
    }
  }
  return segments;
}

/** The start of a text, cut at a word boundary, as one unmatched segment. */
export function plainSnippet(text: string, maxLength = 240): Highlight {
  if (!text) return [];
  if (text.length <= maxLength) return [{ text, match: false }];
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()} …`, match: false }];
}
