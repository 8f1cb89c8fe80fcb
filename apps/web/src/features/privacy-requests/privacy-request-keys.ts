import type { PrivacyRequestKind, PrivacyRequestStatus } from '@lesplein/contracts/privacy-request';

export type RequestFilter = { status: PrivacyRequestStatus | ''; kind: PrivacyRequestKind | '' };

/** Query keys and paths shared by the requests operations. */
export const privacyRequestKeys = {
  /** The member's own requests; member data, forgotten at log-out. */
  mine: ['privacy-requests', 'mine'] as const,
  /** Every admin list and request. */
  admin: ['administration', 'privacy-requests'] as const,
  adminList: (filter: RequestFilter) => ['administration', 'privacy-requests', 'list', filter] as const,
  adminRequest: (id: string) => ['administration', 'privacy-requests', 'detail', id] as const,
};

export const PRIVACY_REQUESTS_PATH = '/api/privacy-requests';
export const MY_PRIVACY_REQUESTS_PATH = '/api/account/privacy-requests';
export const ADMIN_PRIVACY_REQUESTS_PATH = '/api/admin/privacy-requests';
