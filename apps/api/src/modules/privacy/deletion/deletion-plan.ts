import type { PiiAction, SchemaField } from '../../../core/privacy/pii-inventory.js';

/** A column that holds a member's id. */
export interface MemberLink {
  table: string;
  column: string;
  /** A uuid column (compared as uuid so that its index serves); otherwise text. */
  uuid: boolean;
}

/**
 * One step of an account deletion. Every step is idempotent and works in small batches, so a
 * job killed halfway resumes (or simply repeats) without harm.
 * - `delete`: a link tagged `erase` — the member's rows go.
 * - `detach`: a link tagged `detach` — the link (and fields kept only with it) become null.
 * - `special`: a link whose tag needs a rule of its own (anonymised aggregates, contributions,
 *   consents, conversations…), named in SPECIAL_LINKS.
 * - the fixed steps before and after (partners, mentions, former handle, ledger, job payloads,
 *   farewell e-mail, the member row itself).
 */
export type DeletionStep =
  | { key: string; kind: 'delete'; link: MemberLink }
  | { key: string; kind: 'detach'; link: MemberLink; clear: string[] }
  | { key: string; kind: 'special'; name: SpecialStep };

export type SpecialStep =
  | 'partners'
  | 'contributions'
  | 'mentions'
  | 'ratings'
  | 'exports'
  | 'conversations'
  | 'messages'
  | 'appeals'
  | 'reports'
  | 'login-attempts'
  | 'search-documents'
  | 'former-handle'
  | 'ledger'
  | 'job-payloads'
  | 'job-payloads-again'
  | 'farewell-mail'
  | 'member-row';

/**
 * Member links that are not foreign keys to Member in the schema but hold a member's id: the
 * inventory cannot see them, so they are named here (a test checks they exist and are tagged).
 */
export const NON_FK_LINKS = ['SearchDocument.authorId', 'OidcPayload.accountId', 'AuditEntry.actorId'] as const;

/** Links that a rule of its own handles, and which rule; the rules run in DeletionJob. */
export const SPECIAL_LINKS: Record<string, SpecialStep | 'at-the-end'> = {
  // Removed with the member row at the very end: the job's own record of what it does.
  'AccountDeletion.memberId': 'at-the-end',
  'DataExport.memberId': 'exports',
  'Rating.memberId': 'ratings',
  'Resource.authorId': 'contributions',
  'ResourceFile.uploaderId': 'contributions',
  'Comment.authorId': 'contributions',
  'Conversation.memberAId': 'conversations',
  'Conversation.memberBId': 'conversations',
  'Message.senderId': 'messages',
  'PartnerConsent.memberId': 'partners',
  'Appeal.memberId': 'appeals',
  'Report.reporterId': 'reports',
  'LoginAttempt.memberId': 'login-attempts',
  'SearchDocument.authorId': 'search-documents',
};

/**
 * Tagged fields that are not member links, in tables whose rows stay: which rule deals with them.
 * (Fields of rows that are deleted, and of the Member row, need no entry.)
 */
export const COMPANION_FIELDS: Record<string, SpecialStep> = {
  'SearchDocument.authorName': 'search-documents',
  'Appeal.text': 'appeals',
  'Member.handle': 'former-handle',
};

const BEFORE: SpecialStep[] = ['job-payloads', 'partners', 'contributions', 'mentions'];
const AFTER: SpecialStep[] = ['former-handle', 'job-payloads-again', 'farewell-mail', 'ledger', 'member-row'];

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The deletion plan, derived from the data inventory (the schema's @pii tags): one step for each
 * member link by its tag, in a fixed order. Throws when a tag cannot be carried out — an
 * `anonymise` link without a rule, an untagged link, a kept field nobody clears — so a new
 * member-linked field cannot be forgotten by account deletion.
 */
export function buildDeletionPlan(fields: SchemaField[]): DeletionStep[] {
  const byKey = new Map(fields.map((field) => [`${field.model}.${field.name}`, field]));
  const links = fields.filter((field) => field.personal === 'links to a member' || (NON_FK_LINKS as readonly string[]).includes(`${field.model}.${field.name}`));
  for (const name of NON_FK_LINKS) if (!byKey.has(name)) throw new Error(`Deletion plan: ${name} is named as a member link but is not in the schema.`);

  const specials = new Set<SpecialStep>();
  const deletes: DeletionStep[] = [];
  const detaches: DeletionStep[] = [];
  const deletedModels = new Set<string>();
  for (const field of links) {
    const key = `${field.model}.${field.name}`;
    if (!IDENTIFIER.test(field.model) || !IDENTIFIER.test(field.name)) throw new Error(`Deletion plan: ${key} is not a plain identifier.`);
    const action: PiiAction | undefined = field.pii?.action;
    if (!action) throw new Error(`Deletion plan: the member link ${key} has no @pii tag.`);
    const link: MemberLink = { table: field.model, column: field.name, uuid: field.uuid === true };
    const special = SPECIAL_LINKS[key];
    if (special === 'at-the-end') continue;
    if (special) {
      specials.add(special);
      if (action === 'erase') deletedModels.add(field.model);
      continue;
    }
    if (action === 'erase') {
      deletes.push({ key: `delete:${key}`, kind: 'delete', link });
      deletedModels.add(field.model);
    } else if (action === 'detach') {
      detaches.push({ key: `detach:${key}`, kind: 'detach', link, clear: [] });
    } else if (action === 'anonymise') {
      throw new Error(`Deletion plan: ${key} is tagged anonymise but has no rule in SPECIAL_LINKS.`);
    }
    // retain: the link stays (e.g. the audit log's actor id, which resolves to nothing afterwards).
  }

  // Tagged fields of rows that stay must be dealt with by some rule.
  for (const field of fields) {
    if (!field.pii || field.pii.action === 'retain' || (field.model === 'Member' && !COMPANION_FIELDS[`${field.model}.${field.name}`])) continue;
    const key = `${field.model}.${field.name}`;
    if (links.includes(field)) continue;
    const rule = COMPANION_FIELDS[key];
    if (rule) specials.add(rule);
    else if (!deletedModels.has(field.model)) throw new Error(`Deletion plan: ${key} is tagged ${field.pii.action} but no rule clears it when the row stays.`);
  }

  const middle = [...specials].filter((name) => !BEFORE.includes(name) && !AFTER.includes(name)).sort();
  const special = (name: SpecialStep): DeletionStep => ({ key: name, kind: 'special', name });
  return [...BEFORE.map(special), ...middle.map(special), ...deletes.sort(byStepKey), ...detaches.sort(byStepKey), ...AFTER.map(special)];
}

const byStepKey = (a: DeletionStep, b: DeletionStep) => a.key.localeCompare(b.key);
