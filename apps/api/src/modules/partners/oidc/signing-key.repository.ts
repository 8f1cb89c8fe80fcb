import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

/** The provider's signing key, shared by every API process. */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores the key unless another process stored one first; returns the one that counts. */
  async getOrCreate(id: string, create: () => string): Promise<string> {
    const existing = await this.prisma.oidcSigningKey.findUnique({ where: { id } });
    if (existing) return existing.sealedJwk;
    await this.prisma.oidcSigningKey.createMany({ data: [{ id, sealedJwk: create() }], skipDuplicates: true });
    const stored = await this.prisma.oidcSigningKey.findUniqueOrThrow({ where: { id } });
    return stored.sealedJwk;
  }
}
