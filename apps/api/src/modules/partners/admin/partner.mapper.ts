import type { AdminPartnerView, PartnerNoticeView, PartnerScope, PublicPartnerView } from '@lesplein/contracts/partner';

interface NoticeRow {
  version: number;
  serviceDescription: string;
  purposes: string;
  dataCategories: string[];
  retention: string;
  storageLocation: string;
  subProcessors: string[];
  publishedAt: Date;
}

/** What the logo's address is made of: set together with the stored logo, `logoMimeType` says whether there is one. */
export interface LogoRow {
  id: string;
  logoMimeType: string | null;
  updatedAt: Date;
}

interface PartnerRow extends LogoRow {
  name: string;
  legalName: string;
  address: string;
  contactEmail: string;
  dpoEmail: string;
  websiteUrl: string;
  privacyPolicyUrl: string;
  /** Newest first; the first is the current notice. */
  notices: NoticeRow[];
}

interface AdminRow extends PartnerRow {
  notificationUrl: string | null;
  status: 'active' | 'suspended';
  suspendedAt: Date | null;
  clientId: string;
  clientAuth: 'client_secret_basic' | 'client_secret_post' | 'none';
  redirectUris: string[];
  allowedScopes: string[];
  createdAt: Date;
  _count: { consents: number };
}

/** Lists are ordered by name as people read them (case and accents aside), whatever the database collation. */
export function byName(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

/**
 * The logo as the platform serves it (never the partner's own address, so members' browsers do not
 * contact the partner); the version changes with every change of the partner, so it may be cached long.
 */
export function partnerLogoPath(row: LogoRow): string | null {
  return row.logoMimeType ? `/api/partners/${row.id}/logo?v=${row.updatedAt.getTime()}` : null;
}

// Stored categories and scopes were validated against PartnerScope on the way in.
const scopes = (values: string[]) => values as PartnerScope[];

export function toNoticeView(row: NoticeRow): PartnerNoticeView {
  return {
    version: row.version,
    serviceDescription: row.serviceDescription,
    purposes: row.purposes,
    dataCategories: scopes(row.dataCategories),
    retention: row.retention,
    storageLocation: row.storageLocation,
    subProcessors: row.subProcessors,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** What anyone may read about a partner, with its current notice. Text is returned as data: clients escape it. */
export function toPublicPartner(row: PartnerRow): PublicPartnerView {
  const current = row.notices[0];
  // Every partner is created with notice version 1 and notices are never deleted.
  if (!current) throw new Error(`Partner ${row.id} has no privacy notice`);
  return {
    id: row.id,
    name: row.name,
    legalName: row.legalName,
    address: row.address,
    contactEmail: row.contactEmail,
    dpoEmail: row.dpoEmail,
    logoUrl: partnerLogoPath(row),
    websiteUrl: row.websiteUrl,
    privacyPolicyUrl: row.privacyPolicyUrl,
    notice: toNoticeView(current),
  };
}

/** The admin's view: never the client secret, sealed or not. */
export function toAdminPartner(row: AdminRow): AdminPartnerView {
  return {
    ...toPublicPartner(row),
    notificationUrl: row.notificationUrl,
    status: row.status,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    clientId: row.clientId,
    clientAuth: row.clientAuth,
    redirectUris: row.redirectUris,
    allowedScopes: scopes(row.allowedScopes),
    activeConsents: row._count.consents,
    notices: row.notices.map(toNoticeView),
    createdAt: row.createdAt.toISOString(),
  };
}
