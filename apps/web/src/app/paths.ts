/** The security page, with the reason to show when a second factor must be set up first. */
export const secondFactorSetupPath = '/account/security?reason=second-factor';

/** The page where a member accepts a substantial change of the privacy statement, then returns to `from`. */
export const policyAcceptancePath = '/privacy/accept';
export function policyAcceptancePathFor(from: string): string {
  return from.startsWith(policyAcceptancePath) ? from : `${policyAcceptancePath}?next=${encodeURIComponent(from)}`;
}
