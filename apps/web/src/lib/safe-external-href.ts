/**
 * The href for a link to an address that came from data (a partner's website, privacy policy,
 * notification address): only absolute http(s) URLs without user name or password become a link; anything else
 * (javascript:, data:, vbscript:, relative or malformed addresses) gives null, and the caller
 * shows the text without a link. The URL parser also undoes the usual tricks (leading spaces or
 * control characters, tabs inside the scheme, mixed case), so the scheme checked is the one the
 * browser would use.
 */
export function safeExternalHref(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // "https://bank.example@evil.example" reads as one site and goes to another.
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}

/** rel for links that leave the site: the new page gets no handle on this one and no referrer. */
export const EXTERNAL_REL = 'noopener noreferrer';

const PLAIN_EMAIL = /^[^\s@<>()[\]\\,;:"?&#%/]+@[^\s@<>()[\]\\,;:"?&#%/]+\.[^\s@<>()[\]\\,;:"?&#%/]+$/;

/**
 * A mailto: href for an e-mail address from data, or null when the value is not one plain
 * address (no second recipient, no ?subject= or &body= smuggled in).
 */
export function safeMailtoHref(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim();
  if (email.length > 254 || !PLAIN_EMAIL.test(email)) return null;
  return `mailto:${email}`;
}
