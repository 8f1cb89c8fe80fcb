import type { IncidentView } from '@lesplein/contracts/incident';
import { toCsv } from '../../../core/http/csv.js';
import type { IncidentsRepository } from './incidents.repository.js';

type Row = NonNullable<Awaited<ReturnType<IncidentsRepository['byId']>>>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toIncidentView(row: Row): IncidentView {
  return {
    id: row.id,
    foundAt: row.foundAt.toISOString(),
    occurredAt: iso(row.occurredAt),
    nature: row.nature,
    cause: row.cause,
    measures: row.measures,
    dataCategories: row.dataCategories,
    peopleAffected: row.peopleAffected,
    recordsAffected: row.recordsAffected,
    authorityNotifiedAt: iso(row.authorityNotifiedAt),
    peopleNotifiedAt: iso(row.peopleNotifiedAt),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const COLUMNS = ['id', 'foundAt', 'occurredAt', 'nature', 'cause', 'measures', 'dataCategories', 'peopleAffected', 'recordsAffected', 'authorityNotifiedAt', 'peopleNotifiedAt', 'status', 'createdAt', 'updatedAt'] as const;

export function incidentsCsv(items: IncidentView[]): string {
  return toCsv<IncidentView>(COLUMNS, items);
}
