import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';

export interface IncidentData {
  foundAt: Date;
  occurredAt: Date | null;
  nature: string;
  cause: string;
  measures: string;
  dataCategories: string[];
  peopleAffected: number | null;
  recordsAffected: number | null;
  authorityNotifiedAt: Date | null;
  peopleNotifiedAt: Date | null;
  status: 'open' | 'closed';
}

/** The incident register. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(status: 'open' | 'closed' | undefined) {
    return this.prisma.incident.findMany({ where: { status }, orderBy: [{ foundAt: 'desc' }, { id: 'desc' }] });
  }

  byId(id: string) {
    return this.prisma.incident.findUnique({ where: { id } });
  }

  create(tx: Tx, data: IncidentData & { createdById: string }) {
    return tx.incident.create({ data });
  }

  update(tx: Tx, id: string, data: IncidentData) {
    return tx.incident.update({ where: { id }, data });
  }
}
