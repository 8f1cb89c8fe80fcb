import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

/** The profile data a partner may receive, read fresh at every disclosure. */
@Injectable()
export class MemberClaimsRepository {
  constructor(private readonly prisma: PrismaService) {}

  activeMember(id: string) {
    return this.prisma.member.findFirst({
      where: { id, status: 'active' },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        emailVerifiedAt: true,
        school: true,
        professionalRole: true,
        subjects: { select: { subjectKey: true }, orderBy: { subjectKey: 'asc' } },
        levels: { select: { levelKey: true }, orderBy: { levelKey: 'asc' } },
      },
    });
  }
}
