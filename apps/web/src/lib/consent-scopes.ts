import type { PartnerScope } from '@lesplein/contracts/partner';

/** The pseudonymous identifier: always part of a consent, never a choice. */
export const REQUIRED_SCOPE: PartnerScope = 'openid';

/**
 * The categories ticked when the consent screen opens. A first consent ticks everything the
 * partner asks for (the member unticks what they do not want to share); a renewed consent
 * starts from what the member granted before, so an earlier refusal is not turned into a yes.
 * `openid` is always ticked.
 */
export function initialScopeSelection(asked: readonly PartnerScope[], previouslyGranted: readonly PartnerScope[]): PartnerScope[] {
  const fromBefore = previouslyGranted.length > 0;
  return asked.filter((scope) => scope === REQUIRED_SCOPE || !fromBefore || previouslyGranted.includes(scope));
}

/** Ticks or unticks one category; `openid` stays ticked, and the order follows the question. */
export function toggleScope(asked: readonly PartnerScope[], selected: readonly PartnerScope[], scope: PartnerScope, checked: boolean): PartnerScope[] {
  if (scope === REQUIRED_SCOPE) return asked.filter((s) => s === REQUIRED_SCOPE || selected.includes(s));
  return asked.filter((s) => s === REQUIRED_SCOPE || (s === scope ? checked : selected.includes(s)));
}

/** The categories to send with "allow": those ticked that were asked for, `openid` included. */
export function grantedScopes(asked: readonly PartnerScope[], selected: readonly PartnerScope[]): PartnerScope[] {
  return asked.filter((scope) => scope === REQUIRED_SCOPE || selected.includes(scope));
}
