import { describe, expect, it } from 'vitest';
import { grantedScopes, initialScopeSelection, toggleScope } from './consent-scopes';

describe('consent scopes', () => {
  it('ticks every category asked for at a first consent', () => {
    expect(initialScopeSelection(['openid', 'profile', 'email'], [])).toEqual(['openid', 'profile', 'email']);
  });

  it('starts a renewed consent from what was granted before, never from an earlier refusal', () => {
    expect(initialScopeSelection(['openid', 'profile', 'email', 'teaching'], ['openid', 'email'])).toEqual(['openid', 'email']);
  });

  it('keeps openid ticked whatever happens', () => {
    expect(initialScopeSelection(['openid', 'profile'], ['profile'])).toEqual(['openid', 'profile']);
    expect(toggleScope(['openid', 'profile'], ['openid', 'profile'], 'openid', false)).toEqual(['openid', 'profile']);
    expect(grantedScopes(['openid', 'profile'], [])).toEqual(['openid']);
  });

  it('ticks and unticks one category in the order of the question', () => {
    const asked = ['openid', 'profile', 'email', 'school'] as const;
    expect(toggleScope(asked, ['openid', 'profile', 'email', 'school'], 'email', false)).toEqual(['openid', 'profile', 'school']);
    expect(toggleScope(asked, ['openid', 'school'], 'profile', true)).toEqual(['openid', 'profile', 'school']);
  });

  it('sends only categories that were asked for', () => {
    expect(grantedScopes(['openid', 'profile'], ['profile', 'teaching'])).toEqual(['openid', 'profile']);
  });
});
