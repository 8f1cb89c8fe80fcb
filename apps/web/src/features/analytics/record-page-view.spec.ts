import { describe, expect, it } from 'vitest';
import { routePatternOf } from './record-page-view';

describe('routePatternOf', () => {
  it('counts a page under its pattern, never its address', () => {
    expect(routePatternOf('/')).toBe('/');
    expect(routePatternOf('/resources/0b6d8a3e-1f7e-4c1a-9d5b-2c3f4a5b6c7d')).toBe('/resources/:id');
    expect(routePatternOf('/resources/new')).toBe('/resources/new');
    expect(routePatternOf('/resources/abc/edit')).toBe('/resources/:id/edit');
    expect(routePatternOf('/members/an-peeters')).toBe('/members/:handle');
    expect(routePatternOf('/folders/shared/secret-token')).toBe('/folders/shared/:token');
  });

  it('does not count pages it does not know (administration, moderation, unknown)', () => {
    expect(routePatternOf('/admin/members')).toBeNull();
    expect(routePatternOf('/moderation/reports')).toBeNull();
    expect(routePatternOf('/nope/nope')).toBeNull();
  });
});
