/**
 * Query keys that more than one feature touches. Features do not import each other, so a key
 * that one feature reads and another invalidates lives here.
 */
export const queryKeys = {
  currentMember: ['auth', 'me'] as const,
  ownProfile: ['account', 'profile'] as const,
  sessions: ['security', 'sessions'] as const,
  loginHistory: ['security', 'login-history'] as const,
  taxonomy: ['taxonomy'] as const,
  publicProfile: (handle: string) => ['members', handle] as const,
};
