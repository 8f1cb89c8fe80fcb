import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { MemberLink } from './deletion-plan.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
/** A batch never waits long for a lock: it fails, and the job retries later, instead of queueing behind live traffic. */
const LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";

const quoted = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${name}`);
  return `"${name}"`;
};
const matches = (link: MemberLink) => `${quoted(link.column)} = $1${link.uuid ? '::uuid' : ''}`;

export type DeletionRow = NonNullable<Awaited<ReturnType<DeletionRepository['find']>>>;
export interface MemberForDeletion {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  handle: string;
  locale: string;
}
export interface TextRow {
  id: string;
  text: string;
}

/**
 * The account deletion's data access: the request rows, and the batched statements that erase,
 * detach and rewrite a member's data. Every batch is its own short transaction touching at most
 * `limit` rows, found through the member link's index. Table and column names come from the
 * schema (the deletion plan), never from a request, and are checked.
 */
@Injectable()
export class DeletionRepository {
  constructor(private readonly prisma: PrismaService) {}

  // --- requests -------------------------------------------------------------------------------

  find(id: string) {
    return this.prisma.accountDeletion.findUnique({ where: { id } });
  }

  findByTokenHash(cancelTokenHash: string) {
    return this.prisma.accountDeletion.findUnique({ where: { cancelTokenHash } });
  }

  /** The member's deletion in progress (scheduled or running), if any. */
  findOpenForMember(memberId: string) {
    return this.prisma.accountDeletion.findFirst({ where: { memberId, status: { in: ['scheduled', 'running'] } } });
  }

  create(tx: Tx, data: { memberId: string; keepContributions: boolean; executeAfter: Date; cancelTokenHash: string | null; status: 'scheduled' | 'running'; reason: 'member_request' | 'inactivity' }) {
    return tx.accountDeletion.create({ data: { ...data, startedAt: data.status === 'running' ? new Date() : null } });
  }

  /** Cancels a scheduled deletion whose grace period has not ended; false when it is too late. */
  async cancel(tx: Tx, id: string, now: Date): Promise<boolean> {
    const { count } = await tx.accountDeletion.updateMany({ where: { id, status: 'scheduled', executeAfter: { gt: now } }, data: { status: 'cancelled', cancelledAt: now, cancelTokenHash: null } });
    return count === 1;
  }

  /** Scheduled deletions whose grace period is over: marked running, returned to be queued. */
  async claimDue(tx: Tx, now: Date, limit = 100): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "AccountDeletion" SET status = 'running', "startedAt" = ${now}
      WHERE id IN (SELECT id FROM "AccountDeletion" WHERE status = 'scheduled' AND "executeAfter" <= ${now} ORDER BY "executeAfter" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  runningIds(): Promise<{ id: string }[]> {
    return this.prisma.accountDeletion.findMany({ where: { status: 'running' }, select: { id: true }, orderBy: { startedAt: 'asc' } });
  }

  /** Adds to the rows processed and, unless null, records the step reached. */
  async progress(id: string, step: string | null, rows: number): Promise<void> {
    await this.prisma.$executeRaw`UPDATE "AccountDeletion" SET step = COALESCE(${step}, step), "processedRows" = "processedRows" + ${rows} WHERE id = ${id}::uuid`;
  }

  async complete(tx: Tx, id: string): Promise<void> {
    await tx.accountDeletion.update({ where: { id }, data: { status: 'completed', completedAt: new Date(), step: 'done', cancelTokenHash: null } });
  }

  // --- inactive accounts ---

  /** Members unused since `before`, not warned since they were last active (admins are left to the admins). */
  toWarn(before: Date, limit: number) {
    return this.prisma.$queryRaw<{ id: string; email: string; firstName: string; locale: string }[]>`
      SELECT id::text AS id, email::text AS email, "firstName", locale FROM "Member"
      WHERE "lastActiveAt" < ${before} AND status = 'active' AND role <> 'admin' AND "emailVerifiedAt" IS NOT NULL
        AND ("inactivityWarnedAt" IS NULL OR "inactivityWarnedAt" < "lastActiveAt")
      ORDER BY "lastActiveAt" LIMIT ${limit}`;
  }

  async markWarned(tx: Tx, memberId: string, at: Date): Promise<void> {
    await tx.member.update({ where: { id: memberId }, data: { inactivityWarnedAt: at } });
  }

  /** Members unused since `before` who were warned before `warnedBefore` and have not been back since. */
  async toDelete(before: Date, warnedBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT m.id::text AS id FROM "Member" m
      WHERE m."lastActiveAt" < ${before} AND m.status = 'active' AND m.role <> 'admin'
        AND m."inactivityWarnedAt" IS NOT NULL AND m."inactivityWarnedAt" > m."lastActiveAt" AND m."inactivityWarnedAt" <= ${warnedBefore}
        AND NOT EXISTS (SELECT 1 FROM "AccountDeletion" d WHERE d."memberId" = m.id AND d.status IN ('scheduled', 'running'))
      ORDER BY m."lastActiveAt" LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  // --- the member -----------------------------------------------------------------------------

  memberForDeletion(id: string): Promise<MemberForDeletion | null> {
    return this.prisma.member.findUnique({ where: { id }, select: { id: true, email: true, firstName: true, lastName: true, handle: true, locale: true } });
  }

  async setMemberStatus(tx: Tx, memberId: string, from: 'active' | 'locked' | 'deletion_pending' | null, to: 'active' | 'deletion_pending'): Promise<void> {
    await tx.member.updateMany({ where: { id: memberId, ...(from ? { status: from } : {}) }, data: { status: to } });
  }

  async endSessions(tx: Tx, memberId: string): Promise<void> {
    await tx.session.deleteMany({ where: { memberId } });
    await tx.loginChallenge.deleteMany({ where: { memberId } });
  }

  /** Whether the member has published anything others may rely on (then a grace period applies). */
  async hasContributions(memberId: string): Promise<boolean> {
    const [resources, comments] = await Promise.all([this.prisma.resource.count({ where: { authorId: memberId } }), this.prisma.comment.count({ where: { authorId: memberId } })]);
    return resources + comments > 0;
  }

  async deleteMember(tx: Tx, memberId: string): Promise<void> {
    await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
    await tx.member.deleteMany({ where: { id: memberId } });
  }

  // --- generic batches --------------------------------------------------------------------------

  private batch(sql: string, ...params: unknown[]): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(LOCK_TIMEOUT);
      return tx.$executeRawUnsafe(sql, ...params);
    });
  }

  /** Deletes up to `limit` rows linked to the member; returns how many. */
  deleteLinked(link: MemberLink, memberId: string, limit: number): Promise<number> {
    const table = quoted(link.table);
    return this.batch(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${matches(link)} LIMIT ${Math.trunc(limit)}))`, memberId);
  }

  /** Sets the link (and the given fields) to null in up to `limit` rows; returns how many. */
  detachLinked(link: MemberLink, clear: string[], memberId: string, limit: number): Promise<number> {
    const table = quoted(link.table);
    const sets = [link.column, ...clear].map((column) => `${quoted(column)} = NULL`).join(', ');
    return this.batch(`UPDATE ${table} SET ${sets} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${matches(link)} LIMIT ${Math.trunc(limit)}))`, memberId);
  }

  /**
   * A page of a text column in rows linked to the member (or, with `contains`, in any row whose
   * text holds that string), after `afterId`, for rewriting in code.
   */
  async textPage(table: string, idColumn: string, textColumn: string, where: { link?: MemberLink; memberId?: string; contains?: string }, afterId: string | null, limit: number): Promise<TextRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (where.link) {
      params.push(where.memberId);
      conditions.push(`${quoted(where.link.column)} = $${params.length}${where.link.uuid ? '::uuid' : ''}`);
    }
    if (where.contains !== undefined) {
      params.push(`%${where.contains.replace(/[\\%_]/g, '\\$&')}%`);
      conditions.push(`${quoted(textColumn)} ILIKE $${params.length}`);
    }
    if (afterId) {
      params.push(afterId);
      conditions.push(`${quoted(idColumn)}::text > $${params.length}`);
    }
    return this.prisma.$queryRawUnsafe<TextRow[]>(
      `SELECT ${quoted(idColumn)}::text AS id, ${quoted(textColumn)} AS text FROM ${quoted(table)} WHERE ${conditions.join(' AND ') || 'true'} ORDER BY ${quoted(idColumn)}::text LIMIT ${Math.trunc(limit)}`,
      ...params,
    );
  }

  /** Writes rewritten texts back (ids from `textPage`). */
  async writeTexts(table: string, idColumn: string, textColumn: string, rows: TextRow[], idIsUuid: boolean): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(LOCK_TIMEOUT);
      for (const row of rows) {
        await tx.$executeRawUnsafe(`UPDATE ${quoted(table)} SET ${quoted(textColumn)} = $2 WHERE ${quoted(idColumn)} = $1${idIsUuid ? '::uuid' : ''}`, row.id, row.text);
      }
    });
  }

  // --- contributions ---------------------------------------------------------------------------

  /** A batch of the member's resources with their stored objects (for removal). */
  authoredResources(memberId: string, limit: number) {
    return this.prisma.resource.findMany({ where: { authorId: memberId }, select: { id: true, files: { select: { storageKey: true, thumbnailKey: true } } }, orderBy: { id: 'asc' }, take: limit });
  }

  async deleteResources(tx: Tx, ids: string[]): Promise<number> {
    await tx.$executeRawUnsafe(LOCK_TIMEOUT);
    return (await tx.resource.deleteMany({ where: { id: { in: ids } } })).count;
  }

  /** Detaches up to `limit` of the member's resources from them; returns their ids (to re-index). */
  async detachResources(tx: Tx, memberId: string, limit: number): Promise<string[]> {
    await tx.$executeRawUnsafe(LOCK_TIMEOUT);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Resource" SET "authorId" = NULL WHERE id IN (SELECT id FROM "Resource" WHERE "authorId" = ${memberId}::uuid LIMIT ${limit}) RETURNING id::text AS id`;
    return rows.map((row) => row.id);
  }

  /** The member's resources' titles, descriptions and keywords, a page at a time, for redaction. */
  authoredResourceTexts(memberId: string, afterId: string | null, limit: number) {
    return this.prisma.resource.findMany({
      where: { authorId: memberId, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, title: true, description: true, keywords: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  async updateResourceTexts(id: string, data: { title: string; description: string; keywords: string[] }): Promise<void> {
    await this.prisma.resource.update({ where: { id }, data });
  }

  /** Files the member uploaded, a page at a time (re-checked for metadata before they stay). */
  uploadedFiles(memberId: string, afterId: string | null, limit: number) {
    return this.prisma.resourceFile.findMany({
      where: { uploaderId: memberId, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, storageKey: true, mimeType: true, displayName: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  async updateFile(id: string, data: { size?: number; displayName?: string }): Promise<void> {
    await this.prisma.resourceFile.update({ where: { id }, data });
  }

  /** Removes the text of up to `limit` of the member's comments (replies keep their place). */
  blankComments(memberId: string, limit: number): Promise<number> {
    return this.batch(
      `UPDATE "Comment" SET body = '', "deletedAt" = COALESCE("deletedAt", now()), "authorId" = NULL WHERE ctid = ANY(ARRAY(SELECT ctid FROM "Comment" WHERE "authorId" = $1::uuid LIMIT ${Math.trunc(limit)}))`,
      memberId,
    );
  }

  /** Addresses the member asked to change to (not confirmed yet): queued mails may name them. */
  async pendingEmails(memberId: string): Promise<string[]> {
    const rows = await this.prisma.emailToken.findMany({ where: { memberId, newEmail: { not: null } }, select: { newEmail: true } });
    return rows.map((row) => row.newEmail!);
  }

  /** Messages of the member's conversations (whoever sent them), a page at a time, for redaction. */
  conversationMessages(memberId: string, afterId: string | null, limit: number): Promise<TextRow[]> {
    return this.prisma.$queryRaw<TextRow[]>`
      SELECT m.id::text AS id, m.body AS text FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE (c."memberAId" = ${memberId}::uuid OR c."memberBId" = ${memberId}::uuid) AND m.id::text > ${afterId ?? ''}
      ORDER BY m.id::text LIMIT ${limit}`;
  }

  // --- other rules -----------------------------------------------------------------------------

  exportKeys(memberId: string) {
    return this.prisma.dataExport.findMany({ where: { memberId, storageKey: { not: null } }, select: { id: true, storageKey: true } });
  }

  /** Conversations whose both members are gone are deleted (with their messages). */
  deleteOrphanConversations(limit: number): Promise<number> {
    return this.batch(`DELETE FROM "Conversation" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "Conversation" WHERE "memberAId" IS NULL AND "memberBId" IS NULL LIMIT ${Math.trunc(limit)}))`);
  }

  deleteLoginAttemptsByEmailHash(emailHash: string, limit: number): Promise<number> {
    return this.batch(`DELETE FROM "LoginAttempt" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "LoginAttempt" WHERE "emailHash" = $1 LIMIT ${Math.trunc(limit)}))`, emailHash);
  }

  async addFormerHandle(handleHash: string): Promise<void> {
    await this.prisma.$executeRaw`INSERT INTO "FormerHandle" ("handleHash") VALUES (${handleHash}) ON CONFLICT DO NOTHING`;
  }

  /**
   * Removes finished or waiting jobs of the job queue whose payload names the member (an e-mail
   * to them, their id): payloads are copies of personal data too. Jobs being worked on are left.
   */
  async deleteJobPayloads(needles: string[]): Promise<number> {
    let removed = 0;
    for (const table of ['pgboss.job', 'pgboss.archive']) {
      const [exists] = await this.prisma.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass($1) IS NOT NULL AS present`, table);
      if (!exists?.present) continue;
      for (const needle of needles) {
        removed += await this.prisma.$executeRawUnsafe(`DELETE FROM ${table} WHERE state::text <> 'active' AND data::text ILIKE $1`, `%${needle.replace(/[\\%_]/g, '\\$&')}%`);
      }
    }
    return removed;
  }
}
