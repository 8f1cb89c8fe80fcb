/** Characters that are easy to mistake for others, mapped to what they look like. */
const CONFUSABLE: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', '|': 'l', '5': 's', '$': 's', '3': 'e', '@': 'a', '4': 'a', '8': 'b' };

/** What a name looks like: compatibility-normalised, no accents, case, spaces or punctuation, confusables folded. */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/./g, (char) => CONFUSABLE[char] ?? char)
    .replace(/[^a-z0-9]/g, '');
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The other partner whose name this one imitates, if any: the same skeleton, or one character
 * apart for names of five characters or more. Shown as a warning on the consent screen.
 */
export function lookAlikeOf(name: string, others: readonly string[]): string | null {
  const skeleton = nameSkeleton(name);
  for (const other of others) {
    if (other === name) continue;
    const otherSkeleton = nameSkeleton(other);
    if (otherSkeleton === skeleton) return other;
    if (Math.min(skeleton.length, otherSkeleton.length) >= 5 && distance(skeleton, otherSkeleton) <= 1) return other;
  }
  return null;
}
