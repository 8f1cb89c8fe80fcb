import { AUTHORISATIONS_PATH } from './partner-keys';

/**
 * GET /api/account/authorisations/:consentId/receipt — the consent receipt as a JSON file. The
 * browser downloads it through an ordinary link (same origin, the session cookie goes along), so
 * there is no fetcher: the answer is a file for the member, not data for the page.
 */
export function consentReceiptUrl(consentId: string): string {
  return `${AUTHORISATIONS_PATH}/${encodeURIComponent(consentId)}/receipt`;
}

export const consentReceiptFileName = (consentId: string) => `consent-receipt-${consentId}.json`;
