/** Where engines read the synonym groups (the SearchSynonymGroup table, editable data). */
export interface SynonymSource {
  groups(): Promise<string[][]>;
}

/** Caches a source for a short while: searches need the groups on every query. */
export class CachedSynonyms implements SynonymSource {
  private cached?: { at: number; groups: Promise<string[][]> };

  constructor(
    private readonly source: SynonymSource,
    private readonly ttlMs = 60_000,
  ) {}

  groups(): Promise<string[][]> {
    if (!this.cached || Date.now() - this.cached.at > this.ttlMs) {
      const groups = this.source.groups();
      this.cached = { at: Date.now(), groups };
      groups.catch(() => (this.cached = undefined));
    }
    return this.cached.groups;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
