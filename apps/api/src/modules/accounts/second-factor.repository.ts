import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';

/** Recovery codes (hashed) and pending two-step log-in challenges. */
@Injectable()
export class SecondFactorRepository {
  constructor(private readonly prisma: PrismaService) {}

  async replaceRecoveryCodes(tx: Tx, memberId: string, codeHashes: string[]): Promise<void> {
    await tx.recoveryCode.deleteMany({ where: { memberId } });
    await tx.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ memberId, codeHash })) });
  }

  /** Uses up a recovery code; false when it is unknown or already used. */
  async useRecoveryCode(memberId: string, codeHash: string): Promise<boolean> {
    const result = await this.prisma.recoveryCode.updateMany({ where: { memberId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
    return result.count === 1;
  }

  async createChallenge(data: { id: string; memberId: string; expiresAt: Date }): Promise<void> {
    await this.prisma.loginChallenge.deleteMany({ where: { memberId: data.memberId } });
    await this.prisma.loginChallenge.create({ data });
  }

  /** Counts an attempt on a live challenge and returns it; undefined when unknown, expired or exhausted. */
  async attemptChallenge(id: string, maxAttempts: number) {
    const result = await this.prisma.loginChallenge.updateMany({
      where: { id, expiresAt: { gt: new Date() }, attempts: { lt: maxAttempts } },
      data: { attempts: { increment: 1 } },
    });
    if (result.count !== 1) return undefined;
    return this.prisma.loginChallenge.findUnique({ where: { id }, select: { memberId: true } });
  }

  async deleteChallenge(id: string): Promise<void> {
    await this.prisma.loginChallenge.deleteMany({ where: { id } });
  }

  async purgeExpiredChallenges(): Promise<number> {
    return (await this.prisma.loginChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } })).count;
  }
}
