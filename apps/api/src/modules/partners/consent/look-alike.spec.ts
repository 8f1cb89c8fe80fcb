import { describe, expect, it } from 'vitest';
import { lookAlikeOf, nameSkeleton } from './look-alike.js';

describe('look-alike partner names', () => {
  it('folds case, accents, width, spacing and confusable characters', () => {
    expect(nameSkeleton('Die Keure')).toBe(nameSkeleton('die-keure'));
    expect(nameSkeleton('Ｐｌａｎｔｙｎ')).toBe('plantyn');
    expect(nameSkeleton('P1antyn')).toBe(nameSkeleton('Plantyn'));
    expect(nameSkeleton('Van ln')).toBe(nameSkeleton('Van In'));
    expect(nameSkeleton('Pe1ckmans')).toBe(nameSkeleton('Pelckmans'));
    expect(nameSkeleton('Uitgeverij Cornelis')).toBe(nameSkeleton('Uitgeverij Comelis'));
  });

  it('names the partner a name imitates, and not the partner itself or unrelated names', () => {
    const others = ['Plantyn', 'Van In', 'Die Keure'];
    expect(lookAlikeOf('PIantyn', others)).toBe('Plantyn');
    expect(lookAlikeOf('Plantynn', others)).toBe('Plantyn');
    expect(lookAlikeOf('Van ln', others)).toBe('Van In');
    expect(lookAlikeOf('Plantyn', others)).toBeNull();
    expect(lookAlikeOf('Pelckmans', others)).toBeNull();
    // Short names need the same skeleton: one letter apart is a different name.
    expect(lookAlikeOf('Van Om', others)).toBeNull();
  });
});
