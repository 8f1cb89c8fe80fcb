/** Query keys and paths shared by the privacy statement's operations. */
export const privacyPolicyKeys = {
  /** The public page: current version and the list of versions. */
  page: ['privacy-policy', 'page'] as const,
  version: (version: number) => ['privacy-policy', 'version', version] as const,
  /** The signed-in member's status (what changed, acceptance needed); member data, forgotten at log-out. */
  mine: ['privacy-policy-status'] as const,
  admin: ['administration', 'privacy-policy'] as const,
};

export const PRIVACY_POLICY_PATH = '/api/privacy-policy';
export const MY_POLICY_STATUS_PATH = '/api/account/privacy-policy';
export const ADMIN_POLICY_VERSIONS_PATH = '/api/admin/privacy-policy/versions';
