/** One entry per line (redirect URIs, sub-processors): trimmed, empty lines and repeats dropped. */
export function textLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}
