/** Query keys and paths shared by the partner operations (consent, authorisations, directory, admin). */
export const partnerKeys = {
  consentRequest: (uid: string) => ['partners', 'consent', uid] as const,
  /** The member's authorisations and everything under them (disclosure histories). */
  authorisations: ['partners', 'authorisations'] as const,
  disclosures: (consentId: string) => ['partners', 'authorisations', 'disclosures', consentId] as const,
  directory: ['partners', 'directory'] as const,
  /** Every admin view of partners (the list and each partner). */
  admin: ['partners', 'admin'] as const,
  adminList: ['partners', 'admin', 'list'] as const,
  adminPartner: (id: string) => ['partners', 'admin', 'detail', id] as const,
};

/** Below this path the provider's interaction cookie travels: every consent call stays under it. */
export const consentPath = (uid: string) => `/api/partner-consent/${encodeURIComponent(uid)}`;
export const AUTHORISATIONS_PATH = '/api/account/authorisations';
export const ADMIN_PARTNERS_PATH = '/api/admin/partners';
export const adminPartnerPath = (id: string) => `${ADMIN_PARTNERS_PATH}/${encodeURIComponent(id)}`;
