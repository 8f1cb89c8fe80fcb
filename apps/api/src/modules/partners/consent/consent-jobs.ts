/** Back-channel notice to the partner that a consent was withdrawn (signed JWT, with retries). */
export const PARTNER_NOTIFY_JOB = 'partner.consent-withdrawn';
/** E-mail to the member with the consent receipt, on grant and on withdrawal. */
export const CONSENT_MAIL_JOB = 'partner.consent-receipt-mail';

export interface ConsentMailJob {
  consentId: string;
  event: 'granted' | 'withdrawn';
}
/** Daily: expired provider artefacts (codes, tokens, sessions, interactions) and disclosures past retention. */
export const PARTNER_PURGE_JOB = 'partner.purge';
/** How long the disclosure log is kept (also the @pii retention of PartnerDisclosure.memberId). */
export const DISCLOSURE_RETENTION_DAYS = 730;
