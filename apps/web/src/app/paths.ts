/** The security page, with the reason to show when a second factor must be set up first. */
export const secondFactorSetupPath = '/account/security?reason=second-factor';
