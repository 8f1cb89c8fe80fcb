import { describe, expect, it } from 'vitest';
import { moveItem } from './move-item';

describe('moveItem', () => {
  it('moves one element up or down', () => {
    expect(moveItem(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });
  it('clamps at the ends and leaves the input alone', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(list, 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(list, 7, 0)).toEqual(['a', 'b']);
    expect(list).toEqual(['a', 'b']);
  });
});
