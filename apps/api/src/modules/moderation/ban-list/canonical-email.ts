import { domainToASCII } from 'node:url';

/**
 * The two forms of an e-mail address the ban list works with (docs/moderation.md):
 *
 * - **exact**: Unicode NFKC (full-width and other compatibility characters become their plain
 *   forms), surrounding white space removed, lower case, the domain in its ASCII (punycode) form
 *   without a trailing dot. `Jan.Peeters+school@Bücher.example` → `jan.peeters+school@xn--bcher-kva.example`.
 * - **canonical**: the exact form with a `+tag` removed from the local part and, for Gmail
 *   (gmail.com and googlemail.com), the dots in the local part removed and googlemail.com
 *   written as gmail.com. `J.An+x@GoogleMail.com` → `jan@gmail.com`.
 *
 * Pure functions: no keys, no I/O. The ban list stores keyed hashes of both forms.
 */
export interface EmailForms {
  exact: string;
  canonical: string;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** A local part: no white space, no second @, none of the characters that need quoting. */
const LOCAL_PART = /^[^\s@"(),:;<>[\\\]]{1,64}$/u;
/** An ASCII host name with at least two labels (after punycode). */
const ASCII_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

/** Both forms, or null when the input is not a usable e-mail address. */
export function emailForms(input: string): EmailForms | null {
  const address = input.normalize('NFKC').trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = domainToASCII(address.slice(at + 1).replace(/\.+$/, ''));
  if (!LOCAL_PART.test(local) || !ASCII_DOMAIN.test(domain)) return null;
  return { exact: `${local}@${domain}`, canonical: canonicalOf(local, domain) };
}

/** The exact form (see `emailForms`), or null for something that is not an address. */
export function exactEmail(input: string): string | null {
  return emailForms(input)?.exact ?? null;
}

/** The canonical form (see `emailForms`), or null for something that is not an address. */
export function canonicalEmail(input: string): string | null {
  return emailForms(input)?.canonical ?? null;
}

/** The canonical local part rules: tag off; for Gmail, dots off and one domain. */
function canonicalOf(local: string, domain: string): string {
  const plus = local.indexOf('+');
  // "+news@example.org" has nothing before the tag: keep it whole rather than make it empty.
  let base = plus > 0 ? local.slice(0, plus) : local;
  if (GMAIL_DOMAINS.has(domain)) {
    base = base.replace(/\./g, '') || base;
    return `${base}@gmail.com`;
  }
  return `${base}@${domain}`;
}

/**
 * The parts of the canonical form that a database query can pre-select members by (members'
 * addresses are stored in their exact form): the canonical local part and the domains whose
 * addresses can share it.
 */
export function canonicalLookup(forms: EmailForms): { local: string; domains: string[]; gmail: boolean } {
  const at = forms.canonical.lastIndexOf('@');
  const domain = forms.canonical.slice(at + 1);
  const gmail = GMAIL_DOMAINS.has(domain);
  return { local: forms.canonical.slice(0, at), domains: gmail ? [...GMAIL_DOMAINS] : [domain], gmail };
}
