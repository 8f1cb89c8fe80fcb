import type { StatsExportQuery } from '@lesplein/contracts/stats';
import { ADMIN_STATS_PATH } from './administration-keys';

export type StatsDataset = StatsExportQuery['dataset'];
export const STATS_DATASETS: readonly StatsDataset[] = ['resources-by-subject', 'resources-by-level', 'activity'];

/**
 * GET /api/admin/stats/export.csv?dataset&from&to — one statistics table as CSV (suppressed
 * counts left empty). Downloaded through an ordinary link, so there is no fetcher.
 */
export function statsCsvUrl(dataset: StatsDataset, from: string, to: string): string {
  return `${ADMIN_STATS_PATH}/export.csv?${new URLSearchParams({ dataset, from, to }).toString()}`;
}

export const statsCsvFileName = (dataset: StatsDataset) => `stats-${dataset}.csv`;
