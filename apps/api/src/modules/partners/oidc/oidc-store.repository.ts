import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';

/**
 * The browser's own state (a log-in session, an authorisation request in progress) may carry the
 * id of an earlier grant; ending a grant must not break the request that is replacing it.
 */
const BROWSER_STATE = ['Interaction', 'Session'];

/** One stored artefact of the OpenID Connect provider. */
export interface OidcStored {
  payload: Record<string, unknown>;
  consumedAt: Date | null;
  expiresAt: Date | null;
}

/**
 * Storage of the provider's artefacts (grants, codes, tokens, sessions, interactions) in
 * PostgreSQL, so every API process answers every request and a revocation is seen at once.
 */
@Injectable()
export class OidcStoreRepository {
  constructor(private readonly prisma: PrismaService) {}

  async upsert(type: string, id: string, payload: Record<string, unknown>, expiresInSeconds: number | undefined): Promise<void> {
    const expiresAt = expiresInSeconds ? new Date(Date.now() + expiresInSeconds * 1000) : null;
    const data = {
      payload: payload as Prisma.InputJsonValue,
      grantId: str(payload.grantId),
      uid: str(payload.uid),
      userCode: str(payload.userCode),
      accountId: str(payload.accountId),
      clientId: str(payload.clientId),
      expiresAt,
    };
    await this.prisma.oidcPayload.upsert({ where: { type_id: { type, id } }, create: { type, id, ...data }, update: data });
  }

  find(type: string, id: string): Promise<OidcStored | null> {
    return this.one({ type, id });
  }

  findByUid(type: string, uid: string): Promise<OidcStored | null> {
    return this.one({ type, uid });
  }

  findByUserCode(type: string, userCode: string): Promise<OidcStored | null> {
    return this.one({ type, userCode });
  }

  async consume(type: string, id: string): Promise<void> {
    await this.prisma.oidcPayload.updateMany({ where: { type, id }, data: { consumedAt: new Date() } });
  }

  async destroy(type: string, id: string): Promise<void> {
    await this.prisma.oidcPayload.deleteMany({ where: { type, id } });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.prisma.oidcPayload.deleteMany({ where: { grantId } });
  }

  /**
   * Ends everything a partner holds for a member: the grant named in the consent, and every
   * code, token and grant of that member for that client (whatever grant they belong to).
   */
  async revokeMemberClient(tx: Tx, memberId: string, clientId: string, grantId: string | null): Promise<number> {
    const removed = await tx.oidcPayload.deleteMany({
      where: { type: { notIn: BROWSER_STATE }, OR: [{ accountId: memberId, clientId }, ...(grantId ? [{ grantId }] : [])] },
    });
    return removed.count;
  }

  /** Deletes a grant and every code and token issued under it, inside the caller's transaction. */
  async revokeGrant(tx: Tx, grantId: string): Promise<void> {
    await tx.oidcPayload.deleteMany({ where: { type: { notIn: BROWSER_STATE }, OR: [{ grantId }, { type: 'Grant', id: grantId }] } });
  }

  /** Removes expired artefacts (run on a schedule). */
  async purgeExpired(now = new Date()): Promise<number> {
    const removed = await this.prisma.oidcPayload.deleteMany({ where: { expiresAt: { lt: now } } });
    return removed.count;
  }

  private async one(where: Prisma.OidcPayloadWhereInput): Promise<OidcStored | null> {
    const row = await this.prisma.oidcPayload.findFirst({ where, select: { payload: true, consumedAt: true, expiresAt: true } });
    if (!row) return null;
    return { payload: row.payload as Record<string, unknown>, consumedAt: row.consumedAt, expiresAt: row.expiresAt };
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
