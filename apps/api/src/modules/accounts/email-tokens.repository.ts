import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';

export type EmailTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** Single-use tokens sent by e-mail; only their SHA-256 is stored. */
@Injectable()
export class EmailTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates a token, replacing any unused one of the same purpose for the member. */
  async create(tx: Tx, data: { memberId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date; newEmail?: string }): Promise<void> {
    await tx.emailToken.deleteMany({ where: { memberId: data.memberId, purpose: data.purpose, usedAt: null } });
    await tx.emailToken.create({ data });
  }

  /** Marks a valid token used and returns it; undefined when unknown, used or expired. */
  async consume(tx: Tx, purpose: EmailTokenPurpose, tokenHash: string) {
    const token = await tx.emailToken.findFirst({
      where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, memberId: true, newEmail: true },
    });
    if (!token) return undefined;
    const claimed = await tx.emailToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
    return claimed.count === 1 ? token : undefined;
  }

  async purgeExpired(): Promise<number> {
    const cutoff = new Date(Date.now() - 24 * 3600 * 1000);
    return (await this.prisma.emailToken.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date() } }, { usedAt: { lt: cutoff } }] } })).count;
  }
}
