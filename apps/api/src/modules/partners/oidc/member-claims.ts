import { SCOPE_CLAIMS, type PartnerScope } from '@lesplein/contracts/partner';
import type { MemberClaimsRepository } from './member-claims.repository.js';

type ClaimsMember = NonNullable<Awaited<ReturnType<MemberClaimsRepository['activeMember']>>>;

/**
 * The claims of each granted category, nothing else. `sub` is added by the caller (the provider
 * turns it into the pairwise identifier for the partner).
 */
export function memberClaims(member: ClaimsMember, scopes: readonly PartnerScope[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const scope of scopes) {
    if (scope === 'profile') Object.assign(claims, { name: `${member.firstName} ${member.lastName}`, given_name: member.firstName, family_name: member.lastName });
    if (scope === 'email') Object.assign(claims, { email: member.email, email_verified: member.emailVerifiedAt !== null });
    if (scope === 'school') Object.assign(claims, { school: member.school, school_role: member.professionalRole });
    if (scope === 'teaching') Object.assign(claims, { subjects: member.subjects.map((s) => s.subjectKey), levels: member.levels.map((l) => l.levelKey) });
  }
  return claims;
}

/** The provider's claims configuration: which claims each scope releases. */
export function claimsConfiguration(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]]));
}

/** The data categories (scopes) both in the token and in the member's consent. */
export function disclosedScopes(tokenScope: string, granted: readonly string[]): PartnerScope[] {
  const inToken = new Set(tokenScope.split(' '));
  return (Object.keys(SCOPE_CLAIMS) as PartnerScope[]).filter((scope) => scope !== 'openid' && inToken.has(scope) && granted.includes(scope));
}
