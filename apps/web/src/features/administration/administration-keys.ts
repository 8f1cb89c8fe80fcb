import type { Role } from '@lesplein/contracts/auth';

/** Query keys and paths shared by the administration operations (admins, and the public sub-processors page). */
export const administrationKeys = {
  /** Every member list, whatever its filter: refreshed after a role or right changed. */
  members: ['administration', 'members'] as const,
  memberList: (filter: { query: string; role: Role | '' }) => ['administration', 'members', filter] as const,
  audit: (filter: AuditFilter) => ['administration', 'audit', filter] as const,
  /** Every incident list and incident. */
  incidents: ['administration', 'incidents'] as const,
  incidentList: (status: IncidentStatusFilter) => ['administration', 'incidents', 'list', status] as const,
  incident: (id: string) => ['administration', 'incidents', 'detail', id] as const,
  stats: (from: string, to: string) => ['administration', 'stats', from, to] as const,
  preModeration: ['administration', 'settings', 'pre-moderation'] as const,
  /** The public page, also what the admins' editor starts from. */
  subProcessors: ['sub-processors'] as const,
};

export type IncidentStatusFilter = 'open' | 'closed' | '';

/** The logbook filters as the page holds them; empty strings are left out of the request. */
export type AuditFilter = {
  action: string;
  targetType: string;
  targetId: string;
  actorId: string;
  from: string;
  to: string;
};

export const ADMIN_MEMBERS_PATH = '/api/admin/members';
export const ADMIN_AUDIT_PATH = '/api/admin/audit';
export const ADMIN_INCIDENTS_PATH = '/api/admin/incidents';
export const ADMIN_STATS_PATH = '/api/admin/stats';
export const PRE_MODERATION_PATH = '/api/admin/settings/pre-moderation';
export const ADMIN_SUB_PROCESSORS_PATH = '/api/admin/settings/sub-processors';
export const SUB_PROCESSORS_PATH = '/api/sub-processors';

export const adminMemberPath = (handle: string) => `${ADMIN_MEMBERS_PATH}/${encodeURIComponent(handle)}`;
export const adminIncidentPath = (id: string) => `${ADMIN_INCIDENTS_PATH}/${encodeURIComponent(id)}`;
