import { ADMIN_INCIDENTS_PATH, type IncidentStatusFilter } from './administration-keys';

/**
 * GET /api/admin/incidents/export.csv?status — the register as CSV. The browser downloads it
 * through an ordinary link (same origin, the session cookie goes along), so there is no
 * fetcher: the answer is a file for the admin, not data for the page.
 */
export function incidentsCsvUrl(status: IncidentStatusFilter): string {
  return status ? `${ADMIN_INCIDENTS_PATH}/export.csv?status=${status}` : `${ADMIN_INCIDENTS_PATH}/export.csv`;
}

export const INCIDENTS_CSV_FILE_NAME = 'incidents.csv';
