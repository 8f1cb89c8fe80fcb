import { describe, expect, it } from 'vitest';
import { groupTaxonomy, taxonomyName } from './get-taxonomy';

const item = (key: string, parentKey: string | null) => ({ key, nameNl: `${key}-nl`, nameEn: `${key}-en`, parentKey });

describe('groupTaxonomy', () => {
  it('groups a flat list under its top-level entries, keeping order and depth', () => {
    const groups = groupTaxonomy([
      item('basis', null),
      item('kleuter', 'basis'),
      item('lager', 'basis'),
      item('secundair', null),
      item('graad-1', 'secundair'),
      item('graad-1-a', 'graad-1'),
      item('volwassenen', null),
    ]);
    expect(groups.map((g) => [g.root.key, g.items.map((i) => `${i.item.key}:${i.depth}`)])).toEqual([
      ['basis', ['kleuter:1', 'lager:1']],
      ['secundair', ['graad-1:1', 'graad-1-a:2']],
      ['volwassenen', []],
    ]);
  });

  it('treats entries with an unknown parent as top-level', () => {
    expect(groupTaxonomy([item('orphan', 'missing')]).map((g) => g.root.key)).toEqual(['orphan']);
  });

  it('names entries in the interface language', () => {
    expect(taxonomyName(item('wiskunde', null), 'nl')).toBe('wiskunde-nl');
    expect(taxonomyName(item('wiskunde', null), 'en')).toBe('wiskunde-en');
  });
});
