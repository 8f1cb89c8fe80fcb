import { SCOPE_CLAIMS, type PartnerScope } from '@lesplein/contracts/partner';

export interface ReceiptInput {
  consent: {
    id: string;
    subject: string;
    grantedScopes: string[];
    refusedScopes: string[];
    consentTextHash: string;
    language: string;
    grantedAt: Date;
    withdrawal: { withdrawnAt: Date; withdrawnBy: string } | null;
  };
  partner: { name: string; legalName: string; address: string; contactEmail: string; dpoEmail: string; privacyPolicyUrl: string; websiteUrl: string };
  notice: { version: number; serviceDescription: string; purposes: string; retention: string; storageLocation: string; subProcessors: string[] };
  operator: { name: string; address: string; privacyEmail: string; publicUrl: string };
  memberEmail: string | null;
}

const CATEGORY_NAMES: Record<PartnerScope, string> = {
  openid: 'Pseudonymous identifier for this partner',
  profile: 'Name',
  email: 'E-mail address',
  school: 'School and role',
  teaching: 'Subjects and levels taught',
};

/**
 * A consent receipt in the style of the Kantara Initiative Consent Receipt specification (v1.1)
 * and ISO/IEC TS 27560: who consented, to whom, for what, which data, on which notice, and its
 * state. The member downloads it and receives it by e-mail on grant and on withdrawal.
 */
export function consentReceipt(input: ReceiptInput) {
  const { consent, partner, notice, operator } = input;
  const categories = (scopes: string[]) => scopes.map((scope) => ({ category: scope, name: CATEGORY_NAMES[scope as PartnerScope] ?? scope, claims: SCOPE_CLAIMS[scope as PartnerScope] ?? [] }));
  return {
    version: 'KI-CR-v1.1.0',
    profile: 'ISO/IEC TS 27560:2023 (consent record information structure)',
    consentReceiptID: consent.id,
    jurisdiction: 'BE',
    consentTimestamp: Math.floor(consent.grantedAt.getTime() / 1000),
    consentTime: consent.grantedAt.toISOString(),
    collectionMethod: 'Consent screen of the platform during an OpenID Connect authorisation by the partner',
    language: consent.language,
    piiPrincipalId: input.memberEmail ?? 'former member',
    piiPrincipalIdAtRecipient: consent.subject,
    piiControllers: [
      { piiController: operator.name, onBehalf: false, contact: operator.privacyEmail, address: operator.address, email: operator.privacyEmail, piiControllerUrl: operator.publicUrl, role: 'platform that discloses the data' },
      { piiController: partner.legalName, onBehalf: false, contact: partner.contactEmail, address: partner.address, email: partner.dpoEmail, piiControllerUrl: partner.websiteUrl, role: `recipient (${partner.name})` },
    ],
    policyUrl: partner.privacyPolicyUrl,
    notice: { version: notice.version, textHash: { algorithm: 'SHA-256', value: consent.consentTextHash } },
    services: [
      {
        service: notice.serviceDescription,
        purposes: [
          {
            purpose: notice.purposes,
            purposeCategory: ['Provision of the partner\'s service to the member'],
            consentType: 'EXPLICIT',
            piiCategory: categories(consent.grantedScopes),
            refusedPiiCategory: categories(consent.refusedScopes),
            primaryPurpose: true,
            termination: notice.retention,
            thirdPartyDisclosure: true,
            thirdPartyName: partner.legalName,
            storageLocation: notice.storageLocation,
            subProcessors: notice.subProcessors,
          },
        ],
      },
    ],
    sensitive: false,
    spiCat: [],
    state: consent.withdrawal
      ? { status: 'withdrawn', withdrawnAt: consent.withdrawal.withdrawnAt.toISOString(), withdrawnBy: consent.withdrawal.withdrawnBy }
      : { status: 'active' },
    withdrawal: { how: `${operator.publicUrl}/account/authorisations`, effect: 'The partner\'s tokens end at once; data the partner already received is its responsibility: ask its data protection officer to erase it.', erasureContact: partner.dpoEmail },
  };
}

export type ConsentReceipt = ReturnType<typeof consentReceipt>;
