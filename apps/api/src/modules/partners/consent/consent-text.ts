import { createHash } from 'node:crypto';

/** Bumped whenever the wording of the consent screen changes. */
export const CONSENT_TEXT_VERSION = '2026-11-1';

/**
 * A hash of what the member was shown and chose: partner identity, notice version, the categories
 * asked, granted and refused, the language and the wording version. Stored with the consent so
 * the record proves what was agreed to without storing the page.
 */
export function consentTextHash(input: {
  partner: { name: string; legalName: string; clientId: string };
  notice: { id: string; version: number };
  asked: readonly string[];
  granted: readonly string[];
  refused: readonly string[];
  language: string;
}): string {
  const canonical = JSON.stringify({
    wording: CONSENT_TEXT_VERSION,
    partner: [input.partner.name, input.partner.legalName, input.partner.clientId],
    notice: [input.notice.id, input.notice.version],
    asked: [...input.asked].sort(),
    granted: [...input.granted].sort(),
    refused: [...input.refused].sort(),
    language: input.language,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
