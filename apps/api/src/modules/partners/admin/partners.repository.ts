import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import { Prisma, type PartnerClientAuth, type PartnerStatus } from '../../../generated/prisma/client.js';

/** Partner rows never carry the logo's bytes (only the logo route reads them); `logoMimeType` says whether there is one. */
export const WITHOUT_LOGO = { logo: true } satisfies Prisma.PartnerOmit;

/** Everything the admin view needs: the notice history (newest first) and the active consents. */
const ADMIN_DETAILS = {
  notices: { orderBy: { version: 'desc' } },
  _count: { select: { consents: { where: { withdrawal: null } } } },
} satisfies Prisma.PartnerInclude;

/** What the public sees: the current (latest) notice only. */
const CURRENT_NOTICE = { notices: { orderBy: { version: 'desc' }, take: 1 } } satisfies Prisma.PartnerInclude;

export type AdminPartnerRow = Prisma.PartnerGetPayload<{ include: typeof ADMIN_DETAILS; omit: typeof WITHOUT_LOGO }>;
export type PublicPartnerRow = Prisma.PartnerGetPayload<{ include: typeof CURRENT_NOTICE; omit: typeof WITHOUT_LOGO }>;

export interface NoticeData {
  serviceDescription: string;
  purposes: string;
  dataCategories: string[];
  retention: string;
  storageLocation: string;
  subProcessors: string[];
}

export interface PartnerData {
  name: string;
  legalName: string;
  address: string;
  contactEmail: string;
  dpoEmail: string;
  websiteUrl: string;
  privacyPolicyUrl: string;
  notificationUrl: string | null;
  redirectUris: string[];
  allowedScopes: string[];
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Partners as admins manage them, and the public directory of active partners. */
@Injectable()
export class PartnersRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(): Promise<AdminPartnerRow[]> {
    return this.prisma.partner.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], include: ADMIN_DETAILS, omit: WITHOUT_LOGO });
  }

  byId(id: string): Promise<AdminPartnerRow | null> {
    return this.prisma.partner.findUnique({ where: { id }, include: ADMIN_DETAILS, omit: WITHOUT_LOGO });
  }

  /** Whether another partner has this name, ignoring case ("Klauwers" and "klauwers" are one name to members). */
  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const count = await this.prisma.partner.count({ where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
    return count > 0;
  }

  /** Creates the partner with notice version 1 (one statement, so one transaction); undefined when the name or client id is taken meanwhile. */
  async create(
    data: PartnerData & { clientId: string; clientSecretSealed: string | null; clientAuth: PartnerClientAuth },
    notice: NoticeData,
  ): Promise<AdminPartnerRow | undefined> {
    try {
      return await this.prisma.partner.create({ data: { ...data, notices: { create: { ...notice, version: 1 } } }, include: ADMIN_DETAILS, omit: WITHOUT_LOGO });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Changes identity or client settings; undefined when the new name is taken meanwhile. */
  async update(id: string, data: Partial<PartnerData>): Promise<AdminPartnerRow | undefined> {
    try {
      return await this.prisma.partner.update({ where: { id }, data, include: ADMIN_DETAILS, omit: WITHOUT_LOGO });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Locks the partner for a new notice version; the latest version, or null for an unknown partner. */
  async lockForNewNotice(tx: Tx, partnerId: string): Promise<{ version: number; allowedScopes: string[] } | null> {
    const locked = await tx.$queryRaw<Array<{ allowedScopes: string[] }>>`SELECT "allowedScopes" FROM "Partner" WHERE id = ${partnerId}::uuid FOR UPDATE`;
    const partner = locked[0];
    if (!partner) return null;
    const last = await tx.partnerNotice.aggregate({ where: { partnerId }, _max: { version: true } });
    return { version: last._max.version ?? 0, allowedScopes: partner.allowedScopes };
  }

  async createNotice(tx: Tx, partnerId: string, version: number, notice: NoticeData): Promise<void> {
    await tx.partnerNotice.create({ data: { ...notice, partnerId, version }, select: { id: true } });
  }

  /** Sets the status; `suspendedAt` is kept from the first suspension when suspending twice. */
  async setStatus(id: string, status: PartnerStatus): Promise<void> {
    if (status === 'suspended') {
      await this.prisma.partner.updateMany({ where: { id, status: 'active' }, data: { status, suspendedAt: new Date() } });
    } else {
      await this.prisma.partner.updateMany({ where: { id, status: 'suspended' }, data: { status, suspendedAt: null } });
    }
  }

  async setSecret(id: string, clientSecretSealed: string): Promise<void> {
    await this.prisma.partner.update({ where: { id }, data: { clientSecretSealed }, select: { id: true } });
  }

  /** Stores the re-encoded logo, or removes it (both null); the partner with its new `updatedAt`, or null for an unknown partner. */
  async setLogo(id: string, logo: { bytes: Uint8Array<ArrayBuffer>; mimeType: string } | null): Promise<AdminPartnerRow | null> {
    const data = { logo: logo?.bytes ?? null, logoMimeType: logo?.mimeType ?? null };
    const updated = await this.prisma.partner.updateMany({ where: { id }, data });
    return updated.count === 0 ? null : this.byId(id);
  }

  /** An active partner's logo; null when it has none, is suspended or unknown. */
  activeLogo(id: string): Promise<{ logo: Uint8Array | null; logoMimeType: string | null } | null> {
    return this.prisma.partner.findFirst({ where: { id, status: 'active' }, select: { logo: true, logoMimeType: true } });
  }

  /** The public directory: active partners only, by name. */
  activeList(): Promise<PublicPartnerRow[]> {
    return this.prisma.partner.findMany({ where: { status: 'active' }, orderBy: [{ name: 'asc' }, { id: 'asc' }], include: CURRENT_NOTICE, omit: WITHOUT_LOGO });
  }

  activeById(id: string): Promise<PublicPartnerRow | null> {
    return this.prisma.partner.findFirst({ where: { id, status: 'active' }, include: CURRENT_NOTICE, omit: WITHOUT_LOGO });
  }
}
