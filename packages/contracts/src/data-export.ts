import { z } from 'zod';

/**
 * The member's data export (right of access and portability, GDPR art. 15 and 20): a ZIP archive
 * with one JSON file per category and the member's uploaded files, built by a background job and
 * downloadable for 7 days.
 */
export const DataExportStatus = z.enum(['queued', 'running', 'ready', 'failed', 'expired']);
export type DataExportStatus = z.infer<typeof DataExportStatus>;

export const DataExport = z.object({
  id: z.uuid(),
  status: DataExportStatus,
  /** Percentage done (0–100), by category. */
  progress: z.number().int().min(0).max(100),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  /** When the download link stops working (7 days after completion). */
  expiresAt: z.iso.datetime().nullable(),
  /** Size of the archive in bytes, once ready. */
  size: z.number().int().nullable(),
  /** True while the archive can be downloaded (ready and not expired). */
  downloadable: z.boolean(),
  /** The download path for the signed-in owner (no token), while downloadable. */
  downloadPath: z.string().nullable(),
  /** A safe, general message when the job failed. */
  error: z.string().nullable(),
});
export type DataExport = z.infer<typeof DataExport>;

export const DataExportList = z.object({ items: z.array(DataExport) });
export type DataExportList = z.infer<typeof DataExportList>;

export const DataExportIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende export / Unknown export' }) });
export type DataExportIdParam = z.infer<typeof DataExportIdParam>;

/** The e-mailed link carries the secret as `token`; the signed-in owner needs none. */
export const DataExportDownloadQuery = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'Ongeldige link / Invalid link' })
    .optional(),
});
export type DataExportDownloadQuery = z.infer<typeof DataExportDownloadQuery>;

/** At most this many exports per member in 24 hours. */
export const DATA_EXPORTS_PER_DAY = 3;
/** Days a ready export stays downloadable. */
export const DATA_EXPORT_LINK_DAYS = 7;

/** Problem codes of the data export, besides the common ones. */
export const DataExportProblemCode = {
  /** An export is queued or running: wait for it. */
  inProgress: 'export_in_progress',
  /** The daily number of exports is reached (429 with retryAfterSeconds). */
  limitReached: 'export_limit_reached',
  /** The export is not ready (yet) or failed: nothing to download. */
  notReady: 'export_not_ready',
  /** The download link has expired (410). */
  expired: 'export_expired',
} as const;
export type DataExportProblemCode = (typeof DataExportProblemCode)[keyof typeof DataExportProblemCode];
