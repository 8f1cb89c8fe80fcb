import type { DataExport } from '@lesplein/contracts/data-export';

/**
 * GET /api/account/exports/:id/download — the ZIP archive, downloaded by the browser itself (an
 * attachment link with the session cookie), so it is never held in the page's memory. The API
 * gives the path while the export can be downloaded.
 */
export function dataExportDownloadHref(item: Pick<DataExport, 'downloadPath'>): string | null {
  return item.downloadPath;
}
