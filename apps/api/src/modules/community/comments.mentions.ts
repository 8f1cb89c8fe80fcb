/** At most this many distinct @handles of one comment count as mentions (no mass notifications). */
export const MAX_MENTIONS = 20;

// Code is quoted text, not a mention: fenced blocks first, then inline code spans.
const FENCED_CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;
// "@handle" not glued to a word, an e-mail address, a path or another mention.
const MENTION = /(?<![\p{L}\p{N}@/.+-])@([a-z0-9][a-z0-9-]{0,59})/giu;

/**
 * The distinct handles written as `@handle` in a comment's Markdown, lowercased, in order of
 * appearance (outside code). Whether they belong to members is for the caller to decide.
 */
export function parseMentions(markdown: string): string[] {
  const text = markdown.replace(FENCED_CODE, ' ').replace(INLINE_CODE, ' ');
  const handles = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1]!.toLowerCase().replace(/-+$/, '');
    if (handle) handles.add(handle);
    if (handles.size === MAX_MENTIONS) break;
  }
  return [...handles];
}

/**
 * Replaces every `@handle` of one member (any case, not glued to a word) with plain text, e.g.
 * when that member's account is deleted; the replacement is no mention of anyone.
 */
export function replaceMentions(markdown: string, handle: string, replacement: string): string {
  const escaped = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return markdown.replace(new RegExp(`(?<![\\p{L}\\p{N}@/.+-])@${escaped}(?![a-z0-9-])`, 'giu'), replacement);
}
