/** What replaces a deleted member's identifiers in text that stays (theirs or about them). */
export const REDACTED = '[verwijderd]';
/** What an @mention of a deleted member becomes in other members' text. */
export const FORMER_MEMBER = 'voormalig lid';

export interface MemberIdentifiers {
  firstName: string;
  lastName: string;
  email: string;
  handle: string;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The member's identifiers worth searching text for, longest first: full name, e-mail address,
 * handle, last name and first name (names shorter than 3 letters would hit ordinary words).
 */
export function identifierTerms(member: MemberIdentifiers): string[] {
  const terms = [`${member.firstName} ${member.lastName}`, member.email, member.handle, member.lastName, member.firstName]
    .map((term) => term.normalize('NFC').trim())
    .filter((term) => term.length >= 3);
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces the member's names, e-mail address and handle in a text (any case, whole words only,
 * composed or decomposed accents alike) with REDACTED. Used on what a deleted member leaves
 * behind: kept resources and comments, appeals, report reasons, sent messages, file names.
 */
export function redactIdentifiers(text: string, member: MemberIdentifiers): string {
  const terms = identifierTerms(member);
  if (terms.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.normalize('NFC').replace(pattern, REDACTED);
}

