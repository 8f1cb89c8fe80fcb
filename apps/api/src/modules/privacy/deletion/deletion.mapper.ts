import type { AccountDeletionView } from '@lesplein/contracts/account-deletion';
import type { DeletionRow } from './deletion.repository.js';

/** A deletion request as the member sees it. */
export function toDeletionView(row: Pick<DeletionRow, 'status' | 'keepContributions' | 'requestedAt' | 'executeAfter'>, now: Date): AccountDeletionView {
  return {
    status: row.status,
    contributions: row.keepContributions ? 'keep_anonymous' : 'remove',
    requestedAt: row.requestedAt.toISOString(),
    executeAfter: row.executeAfter.toISOString(),
    cancellable: row.status === 'scheduled' && row.executeAfter > now,
  };
}
