import { Injectable } from '@nestjs/common';
import type { IncidentInput, IncidentList, IncidentView } from '@lesplein/contracts/incident';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { NotFound } from '../../../core/errors/domain-error.js';
import { incidentsCsv, toIncidentView } from './incident.mapper.js';
import { IncidentsRepository, type IncidentData } from './incidents.repository.js';

type ParsedInput = Required<{ [K in keyof IncidentInput]: Exclude<IncidentInput[K], undefined> }>;

/** The incident register: admins record, update and export incidents; each change is audited. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async list(status: 'open' | 'closed' | undefined): Promise<IncidentList> {
    return { items: (await this.incidents.list(status)).map(toIncidentView) };
  }

  async csv(status: 'open' | 'closed' | undefined): Promise<string> {
    return incidentsCsv((await this.list(status)).items);
  }

  async get(id: string): Promise<IncidentView> {
    const row = await this.incidents.byId(id);
    if (!row) throw NotFound('Incident');
    return toIncidentView(row);
  }

  async create(actor: Actor, input: ParsedInput): Promise<IncidentView> {
    const row = await this.transactions.run(async (tx) => {
      const created = await this.incidents.create(tx, { ...toData(input), createdById: actor.memberId });
      await this.audit.record(tx, { actor, action: 'incident.registered', targetType: 'incident', targetId: created.id, details: { status: created.status } });
      return created;
    });
    return toIncidentView(row);
  }

  async update(actor: Actor, id: string, input: ParsedInput): Promise<IncidentView> {
    if (!(await this.incidents.byId(id))) throw NotFound('Incident');
    const row = await this.transactions.run(async (tx) => {
      const updated = await this.incidents.update(tx, id, toData(input));
      await this.audit.record(tx, { actor, action: 'incident.updated', targetType: 'incident', targetId: id, details: { status: updated.status } });
      return updated;
    });
    return toIncidentView(row);
  }
}

const date = (value: string | null) => (value ? new Date(value) : null);

function toData(input: ParsedInput): IncidentData {
  return {
    foundAt: new Date(input.foundAt),
    occurredAt: date(input.occurredAt),
    nature: input.nature,
    cause: input.cause,
    measures: input.measures,
    dataCategories: input.dataCategories,
    peopleAffected: input.peopleAffected,
    recordsAffected: input.recordsAffected,
    authorityNotifiedAt: date(input.authorityNotifiedAt),
    peopleNotifiedAt: date(input.peopleNotifiedAt),
    status: input.status,
  };
}
