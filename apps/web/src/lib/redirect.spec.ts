import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it('accepts paths on this site', () => {
    expect(safeNextPath('/account/profile')).toBe('/account/profile');
    expect(safeNextPath('/account/security?reason=x')).toBe('/account/security?reason=x');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/\nx', '', null, undefined]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('round-trips through the log-in path', () => {
    const path = loginPathFor('/account/profile?tab=a&b=c');
    const next = new URL(path, 'http://localhost').searchParams.get('next');
    expect(safeNextPath(next)).toBe('/account/profile?tab=a&b=c');
  });
});
