import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';

export const memberProfileSelect = {
  id: true,
  email: true,
  emailVerifiedAt: true,
  role: true,
  status: true,
  handle: true,
  firstName: true,
  lastName: true,
  placeOfResidence: true,
  gender: true,
  dateOfBirth: true,
  school: true,
  professionalRole: true,
  aboutMe: true,
  website: true,
  socialLinks: true,
  photoMimeType: true,
  fieldVisibility: true,
  locale: true,
  totpEnabledAt: true,
  banListRight: true,
  createdAt: true,
  subjects: { select: { subjectKey: true } },
  levels: { select: { levelKey: true } },
} satisfies Prisma.MemberSelect;

export type MemberProfileRow = Prisma.MemberGetPayload<{ select: typeof memberProfileSelect }>;

export interface NewMember {
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  handle: string;
  locale: string;
  role?: 'member' | 'moderator' | 'admin';
  emailVerifiedAt?: Date | null;
}

export type ProfileChanges = Partial<{
  firstName: string;
  lastName: string;
  placeOfResidence: string | null;
  gender: string | null;
  dateOfBirth: Date | null;
  school: string | null;
  professionalRole: string | null;
  aboutMe: string | null;
  website: string | null;
  socialLinks: string[];
  photo: Uint8Array<ArrayBuffer> | null;
  photoMimeType: string | null;
  fieldVisibility: Record<string, string>;
  locale: string;
}>;

/** Members: accounts and profiles. */
@Injectable()
export class MembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  private db(tx?: Tx) {
    return tx ?? this.prisma;
  }

  findCredentialsByEmail(email: string) {
    return this.prisma.member.findUnique({
      where: { email },
      select: { id: true, email: true, passwordHash: true, emailVerifiedAt: true, status: true, role: true, totpEnabledAt: true, locale: true, firstName: true, suspendedUntil: true },
    });
  }

  findCredentialsById(id: string) {
    return this.prisma.member.findUnique({
      where: { id },
      select: { id: true, email: true, passwordHash: true, status: true, role: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true, locale: true, firstName: true },
    });
  }

  findProfile(id: string, tx?: Tx): Promise<MemberProfileRow | null> {
    return this.db(tx).member.findUnique({ where: { id }, select: memberProfileSelect });
  }

  findProfileByHandle(handle: string): Promise<MemberProfileRow | null> {
    return this.prisma.member.findFirst({ where: { handle, status: 'active', emailVerifiedAt: { not: null } }, select: memberProfileSelect });
  }

  findPhotoByHandle(handle: string) {
    return this.prisma.member.findFirst({
      where: { handle, status: 'active', emailVerifiedAt: { not: null } },
      select: { photo: true, photoMimeType: true, fieldVisibility: true },
    });
  }

  /** Whether a member has this handle, or a deleted member had it (`formerHash`: its keyed hash). */
  async handleTaken(handle: string, formerHash: string): Promise<boolean> {
    return (await this.prisma.member.count({ where: { handle } })) > 0 || (await this.isFormerHandle(formerHash));
  }

  async isFormerHandle(handleHash: string): Promise<boolean> {
    return (await this.prisma.formerHandle.count({ where: { handleHash } })) > 0;
  }

  async emailTaken(email: string, tx?: Tx): Promise<boolean> {
    return (await this.db(tx).member.count({ where: { email } })) > 0;
  }

  /**
   * Whether an address is on the ban list: an entry with the same exact hash or the same canonical
   * hash (the hashes come from `banHashesOf` in modules/moderation/ban-list/ban-hashes.ts).
   */
  async isBanned(hashes: { exactHash: string; canonicalHash: string }, tx?: Tx): Promise<boolean> {
    const found = await this.db(tx).banEntry.findFirst({ where: { OR: [{ exactHash: hashes.exactHash }, { canonicalHash: hashes.canonicalHash }] }, select: { id: true } });
    return found !== null;
  }

  async count(): Promise<number> {
    return this.prisma.member.count();
  }

  /** Creates a member; returns undefined when the e-mail address or handle is already taken. */
  async create(tx: Tx | undefined, data: NewMember): Promise<{ id: string } | undefined> {
    try {
      return await this.db(tx).member.create({ data, select: { id: true } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return undefined;
      throw error;
    }
  }

  async markVerified(tx: Tx, id: string): Promise<void> {
    await tx.member.updateMany({ where: { id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  }

  async setPassword(tx: Tx | undefined, id: string, passwordHash: string): Promise<void> {
    await this.db(tx).member.update({ where: { id }, data: { passwordHash } });
  }

  async setRole(id: string, role: 'member' | 'moderator' | 'admin'): Promise<void> {
    await this.prisma.member.update({ where: { id }, data: { role } });
  }

  /** Changes the address; false when another member has it meanwhile. */
  async setEmail(tx: Tx, id: string, email: string): Promise<boolean> {
    try {
      await tx.member.update({ where: { id }, data: { email, emailVerifiedAt: new Date() } });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  /** Ids of the member's resources that can be in the search index (published or hidden). */
  async searchableResourceIds(tx: Tx, memberId: string): Promise<string[]> {
    const rows = await tx.resource.findMany({ where: { authorId: memberId, state: { in: ['published', 'hidden'] } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  async updateProfile(tx: Tx, id: string, changes: ProfileChanges): Promise<void> {
    await tx.member.update({ where: { id }, data: changes as Prisma.MemberUpdateInput });
  }

  async replaceTeaching(tx: Tx, id: string, subjects: string[] | undefined, levels: string[] | undefined): Promise<void> {
    if (subjects) {
      await tx.memberSubject.deleteMany({ where: { memberId: id } });
      await tx.memberSubject.createMany({ data: subjects.map((subjectKey) => ({ memberId: id, subjectKey })) });
    }
    if (levels) {
      await tx.memberLevel.deleteMany({ where: { memberId: id } });
      await tx.memberLevel.createMany({ data: levels.map((levelKey) => ({ memberId: id, levelKey })) });
    }
  }

  async recordConsent(tx: Tx, memberId: string, field: string, granted: boolean): Promise<void> {
    await tx.profileFieldConsent.create({ data: { memberId, field, granted } });
  }

  async setTotpPending(id: string, sealedSecret: string): Promise<void> {
    await this.prisma.member.update({ where: { id }, data: { totpSecret: sealedSecret, totpEnabledAt: null, totpLastStep: null } });
  }

  async enableTotp(tx: Tx, id: string, step: number): Promise<void> {
    await tx.member.update({ where: { id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
  }

  async disableTotp(tx: Tx, id: string): Promise<void> {
    await tx.member.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { memberId: id } });
  }

  /** Records the TOTP step used, only if it is newer than the last one (no replay). */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.prisma.member.updateMany({
      where: { id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return result.count === 1;
  }

  async touchActivity(id: string): Promise<void> {
    await this.prisma.member.update({ where: { id }, data: { lastActiveAt: new Date() } });
  }
}
