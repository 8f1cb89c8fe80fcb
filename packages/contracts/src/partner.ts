import { z } from 'zod';

/**
 * Data categories a partner can ask for, as OpenID Connect scopes. `openid` is the pseudonymous
 * identifier only (a different one per partner); the others are disclosed through userinfo and
 * the partner API, never inside ID tokens.
 */
export const PartnerScope = z.enum(['openid', 'profile', 'email', 'school', 'teaching']);
export type PartnerScope = z.infer<typeof PartnerScope>;
export const PARTNER_SCOPES = PartnerScope.options;

/** The claims each category discloses (see docs/partners/). */
export const SCOPE_CLAIMS: Record<PartnerScope, readonly string[]> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name'],
  email: ['email', 'email_verified'],
  school: ['school', 'school_role'],
  teaching: ['subjects', 'levels'],
};

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/** An https address (http only for localhost), never javascript:, data: or with credentials. */
export const SafeUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOST.test(url.hostname));
  }, 'Een https-adres / An https address');

/** A redirect URI: like SafeUrl, and without a fragment (compared exactly, character for character). */
export const RedirectUri = SafeUrl.refine((value) => !value.includes('#'), 'Geen #-fragment / No #fragment');

const Text = (max: number) => z.string().trim().min(1).max(max);

export const PartnerNoticeInput = z.strictObject({
  serviceDescription: Text(2000),
  purposes: Text(2000),
  dataCategories: z.array(PartnerScope).min(1).max(5),
  retention: Text(1000),
  storageLocation: Text(500),
  subProcessors: z.array(Text(200)).max(30).default([]),
});
export type PartnerNoticeInput = z.infer<typeof PartnerNoticeInput>;

export const PartnerNoticeView = z.object({
  version: z.number().int(),
  serviceDescription: z.string(),
  purposes: z.string(),
  dataCategories: z.array(PartnerScope),
  retention: z.string(),
  storageLocation: z.string(),
  subProcessors: z.array(z.string()),
  publishedAt: z.iso.datetime(),
});
export type PartnerNoticeView = z.infer<typeof PartnerNoticeView>;

export const PartnerClientAuth = z.enum(['client_secret_basic', 'client_secret_post', 'none']);
export type PartnerClientAuth = z.infer<typeof PartnerClientAuth>;

const PartnerIdentityFields = {
  /** Short name shown to members. */
  name: Text(80),
  legalName: Text(200),
  address: Text(500),
  contactEmail: z.email().max(254),
  dpoEmail: z.email().max(254),
  websiteUrl: SafeUrl,
  privacyPolicyUrl: SafeUrl,
  /** Receives signed withdrawal notices (POST, application/secevent+jwt). */
  notificationUrl: SafeUrl.nullable().default(null),
};

const ClientFields = {
  redirectUris: z.array(RedirectUri).min(1).max(10),
  allowedScopes: z.array(PartnerScope).min(1).max(5),
  clientAuth: PartnerClientAuth.default('client_secret_basic'),
};

export const CreatePartnerRequest = z.strictObject({ ...PartnerIdentityFields, ...ClientFields, notice: PartnerNoticeInput });
export type CreatePartnerRequest = z.input<typeof CreatePartnerRequest>;

export const UpdatePartnerRequest = z
  .strictObject({
    name: PartnerIdentityFields.name,
    legalName: PartnerIdentityFields.legalName,
    address: PartnerIdentityFields.address,
    contactEmail: PartnerIdentityFields.contactEmail,
    dpoEmail: PartnerIdentityFields.dpoEmail,
    websiteUrl: SafeUrl,
    privacyPolicyUrl: SafeUrl,
    notificationUrl: SafeUrl.nullable(),
    redirectUris: ClientFields.redirectUris,
    allowedScopes: ClientFields.allowedScopes,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Niets te wijzigen / Nothing to change');
export type UpdatePartnerRequest = z.infer<typeof UpdatePartnerRequest>;

/** What anyone may read about a partner (the public list of partners and their notices). */
export const PublicPartnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  legalName: z.string(),
  address: z.string(),
  contactEmail: z.string(),
  dpoEmail: z.string(),
  /**
   * The logo as the platform serves it (`/api/partners/{id}/logo?v=…`, uploaded by an admin), never
   * an address at the partner: members' browsers do not contact partners. null when there is none.
   */
  logoUrl: z.string().nullable(),
  websiteUrl: z.string(),
  privacyPolicyUrl: z.string(),
  notice: PartnerNoticeView,
});
export type PublicPartnerView = z.infer<typeof PublicPartnerView>;

export const PublicPartnerList = z.object({ items: z.array(PublicPartnerView) });
export type PublicPartnerList = z.infer<typeof PublicPartnerList>;

export const PartnerStatus = z.enum(['active', 'suspended']);
export type PartnerStatus = z.infer<typeof PartnerStatus>;

/** The admin's view: identity, client settings (never the secret), state and the notice history. */
export const AdminPartnerView = PublicPartnerView.extend({
  notificationUrl: z.string().nullable(),
  status: PartnerStatus,
  suspendedAt: z.iso.datetime().nullable(),
  clientId: z.string(),
  clientAuth: PartnerClientAuth,
  redirectUris: z.array(z.string()),
  allowedScopes: z.array(PartnerScope),
  activeConsents: z.number().int(),
  notices: z.array(PartnerNoticeView),
  createdAt: z.iso.datetime(),
});
export type AdminPartnerView = z.infer<typeof AdminPartnerView>;

export const AdminPartnerList = z.object({ items: z.array(AdminPartnerView) });
export type AdminPartnerList = z.infer<typeof AdminPartnerList>;

/** Returned once, when a partner is created or its secret is replaced. */
export const PartnerCredentials = z.object({
  partnerId: z.uuid(),
  clientId: z.string(),
  /** null for public clients (clientAuth none, PKCE only). */
  clientSecret: z.string().nullable(),
});
export type PartnerCredentials = z.infer<typeof PartnerCredentials>;

export const PartnerCreated = z.object({ partner: AdminPartnerView, credentials: PartnerCredentials });
export type PartnerCreated = z.infer<typeof PartnerCreated>;

// ---- The consent screen ----

/** What the consent screen shows for an authorisation request in progress. */
export const ConsentRequestView = z.object({
  uid: z.string(),
  partner: PublicPartnerView,
  /** Another partner's name looks like this one (e.g. "KIauwers" and "Klauwers"): warn the member. */
  lookAlikeOf: z.string().nullable(),
  /** Categories asked for, `openid` first; the member may untick all but `openid`. */
  scopes: z.array(PartnerScope),
  /** The same categories already granted at an earlier consent, if any (a re-consent). */
  previouslyGranted: z.array(PartnerScope),
  /** Why consent is asked again, if it is. */
  reason: z.enum(['first_time', 'new_notice_version', 'new_categories', 'withdrawn']),
  redirectHost: z.string(),
});
export type ConsentRequestView = z.infer<typeof ConsentRequestView>;

export const ConsentDecision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('allow'),
    /** The categories the member leaves ticked (a subset of those asked for; `openid` implied). */
    scopes: z.array(PartnerScope).max(5),
    language: z.enum(['nl', 'en']).default('nl'),
  }),
  z.strictObject({ decision: z.literal('deny') }),
]);
export type ConsentDecision = z.input<typeof ConsentDecision>;

/** Where the browser goes next (back into the provider, which redirects to the partner). */
export const ConsentRedirect = z.object({ redirectTo: z.string() });
export type ConsentRedirect = z.infer<typeof ConsentRedirect>;

// ---- The member's "external authorisations" ----

export const ConsentWithdrawnBy = z.enum(['member', 'admin', 'partner', 'account_deletion']);
export type ConsentWithdrawnBy = z.infer<typeof ConsentWithdrawnBy>;

export const AuthorisationView = z.object({
  consentId: z.uuid(),
  partner: PublicPartnerView.omit({ notice: true }),
  noticeVersion: z.number().int(),
  /** The notice version is older than the partner's current one. */
  noticeOutdated: z.boolean(),
  grantedScopes: z.array(PartnerScope),
  refusedScopes: z.array(PartnerScope),
  grantedAt: z.iso.datetime(),
  lastDisclosureAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: ConsentWithdrawnBy.nullable(),
});
export type AuthorisationView = z.infer<typeof AuthorisationView>;

export const AuthorisationList = z.object({ active: z.array(AuthorisationView), withdrawn: z.array(AuthorisationView) });
export type AuthorisationList = z.infer<typeof AuthorisationList>;

export const DisclosureView = z.object({
  id: z.uuid(),
  channel: z.enum(['userinfo', 'partner_api']),
  categories: z.array(PartnerScope),
  disclosedAt: z.iso.datetime(),
});
export type DisclosureView = z.infer<typeof DisclosureView>;

export const DisclosurePage = z.object({ items: z.array(DisclosureView), nextCursor: z.string().nullable() });
export type DisclosurePage = z.infer<typeof DisclosurePage>;

export const WithdrawnCount = z.object({ withdrawn: z.number().int() });
export type WithdrawnCount = z.infer<typeof WithdrawnCount>;

export const PartnerIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende partner / Unknown partner' }) });
export type PartnerIdParam = z.infer<typeof PartnerIdParam>;
