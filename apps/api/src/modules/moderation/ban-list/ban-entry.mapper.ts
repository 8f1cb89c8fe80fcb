import type { BanEntryView } from '@lesplein/contracts/ban-list';
import type { BanEntryRow } from './ban-list.repository.js';

/** An entry as listed: whether an address was kept, never the address (sealed or not). */
export function toBanEntryView(row: BanEntryRow): BanEntryView {
  return {
    id: row.id,
    reason: row.reason,
    addedBy: row.addedBy?.handle ?? null,
    createdAt: row.createdAt.toISOString(),
    hasAddress: row.sealedEmail !== null,
  };
}
