import type { AdminPrivacyRequest, MyPrivacyRequest, PrivacyRequestReceipt } from '@lesplein/contracts/privacy-request';
import type { PrivacyRequestsRepository } from './privacy-requests.repository.js';

type Row = Awaited<ReturnType<PrivacyRequestsRepository['create']>>;
type AdminRow = NonNullable<Awaited<ReturnType<PrivacyRequestsRepository['byId']>>>;
type PersonRow = { id: string; handle: string; firstName: string; lastName: string } | null;

const person = (row: PersonRow) => (row ? { id: row.id, handle: row.handle, displayName: `${row.firstName} ${row.lastName}` } : null);

export function toReceipt(row: Row): PrivacyRequestReceipt {
  return { id: row.id, kind: row.kind, receivedAt: row.receivedAt.toISOString(), dueAt: row.dueAt.toISOString() };
}

export function toMyRequest(row: Row): MyPrivacyRequest {
  return { ...toReceipt(row), status: row.status, message: row.message, answer: row.answer, closedAt: row.closedAt?.toISOString() ?? null };
}

export function toAdminRequest(row: AdminRow, now: Date): AdminPrivacyRequest {
  const pending = row.status === 'open' || row.status === 'in_progress';
  return {
    ...toMyRequest(row),
    email: row.email,
    name: row.name,
    member: person(row.member),
    assignee: person(row.assignee),
    closedBy: person(row.closedBy),
    overdue: pending && row.dueAt < now,
  };
}
