import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';
import { WITHOUT_LOGO } from '../admin/partners.repository.js';

/** Partners as the provider sees them: OAuth clients, only while active. */
@Injectable()
export class OidcClientsRepository {
  constructor(private readonly prisma: PrismaService) {}

  activeByClientId(clientId: string) {
    return this.prisma.partner.findFirst({
      where: { clientId, status: 'active' },
      omit: WITHOUT_LOGO,
      include: { notices: { orderBy: { version: 'desc' }, take: 1 } },
    });
  }

  /** Names of the other active partners (to warn about look-alike names). */
  otherNames(partnerId: string) {
    return this.prisma.partner.findMany({ where: { id: { not: partnerId }, status: 'active' }, select: { name: true } });
  }
}
