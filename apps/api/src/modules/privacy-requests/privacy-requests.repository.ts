import { Injectable } from '@nestjs/common';
import type { PrivacyRequestKind, PrivacyRequestStatus } from '@lesplein/contracts/privacy-request';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';

const PERSON = { select: { id: true, handle: true, firstName: true, lastName: true } } as const;
const ADMIN_VIEW = { member: PERSON, assignee: PERSON, closedBy: PERSON } as const;

export interface NewRequestData {
  kind: PrivacyRequestKind;
  memberId: string | null;
  email: string;
  name: string | null;
  locale: string;
  message: string;
  receivedAt: Date;
  dueAt: Date;
}

/** Requests to the data protection officer and feedback messages. */
@Injectable()
export class PrivacyRequestsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The address, first name and language of a member filing a request signed in. */
  requester(memberId: string) {
    return this.prisma.member.findUnique({ where: { id: memberId }, select: { email: true, firstName: true, lastName: true, locale: true } });
  }

  create(data: NewRequestData) {
    return this.prisma.privacyRequest.create({ data });
  }

  /** The member's own requests, newest first. */
  forMember(memberId: string) {
    return this.prisma.privacyRequest.findMany({ where: { memberId }, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: 100 });
  }

  /** The admins' queue: open and in progress first, earliest deadline first. */
  queue(filter: { status?: PrivacyRequestStatus; kind?: PrivacyRequestKind }) {
    return this.prisma.privacyRequest.findMany({ where: filter, include: ADMIN_VIEW, orderBy: [{ status: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }], take: 500 });
  }

  byId(id: string, tx?: Tx) {
    return (tx ?? this.prisma).privacyRequest.findUnique({ where: { id }, include: ADMIN_VIEW });
  }

  /** Locks the request's row for the rest of the transaction, so two admins cannot both close it. */
  async lock(tx: Tx, id: string): Promise<{ status: PrivacyRequestStatus; assigneeId: string | null } | null> {
    const rows = await tx.$queryRaw<Array<{ status: PrivacyRequestStatus; assigneeId: string | null }>>`
      SELECT status, "assigneeId" FROM "PrivacyRequest" WHERE id = ${id}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  async isActiveAdmin(memberId: string): Promise<boolean> {
    return (await this.prisma.member.count({ where: { id: memberId, role: 'admin', status: 'active' } })) === 1;
  }

  async update(tx: Tx, id: string, data: { status?: PrivacyRequestStatus; assigneeId?: string | null; answer?: string; closedAt?: Date; closedById?: string }) {
    await tx.privacyRequest.update({ where: { id }, data });
  }

  /** Deletes closed requests of these kinds closed before `before`. */
  async purgeClosedBefore(kinds: PrivacyRequestKind[], before: Date): Promise<number> {
    return (await this.prisma.privacyRequest.deleteMany({ where: { kind: { in: kinds }, closedAt: { lt: before } } })).count;
  }
}
