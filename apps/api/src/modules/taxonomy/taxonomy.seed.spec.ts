import { describe, expect, it } from 'vitest';
import { flemishTaxonomy } from './taxonomy.seed.js';

describe('flemishTaxonomy', () => {
  it('flattens levels and subjects with parents before children', () => {
    const { levels, subjects } = flemishTaxonomy();
    expect(levels.find((level) => level.key === 'kleuter')).toMatchObject({ nameEn: 'Pre-school', minAge: 2, maxAge: 6, parentKey: null });
    expect(levels.find((level) => level.key === 'lager-3')).toMatchObject({ parentKey: 'lager', minAge: 8 });
    expect(subjects.find((subject) => subject.key === 'wo-tijd')?.parentKey).toBe('wereldorientatie');
    for (const list of [levels, subjects]) {
      const seen = new Set<string>();
      for (const item of list) {
        if (item.parentKey) expect(seen.has(item.parentKey)).toBe(true);
        seen.add(item.key);
      }
      expect(seen.size).toBe(list.length);
    }
  });
});
