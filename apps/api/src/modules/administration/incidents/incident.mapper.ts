import { toCsv } from '../../../core/http/csv.js';
import type { IncidentView } from '@lesplein/contracts/incident';

type Row = {
  id: string;
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
  createdAt: Date;
  updatedAt: Date;
};

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
