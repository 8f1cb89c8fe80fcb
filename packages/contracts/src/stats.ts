import { z } from 'zod';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'JJJJ-MM / YYYY-MM');

/** A month range, at most 36 months; the last 12 months when left out. */
export const StatsQuery = z
  .strictObject({ from: Month.optional(), to: Month.optional() })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'Na "van" / After "from"' });
export type StatsQuery = z.infer<typeof StatsQuery>;

/** A count per month; null when it is between 1 and 9 (suppressed, so nobody can be singled out). */
export const Counts = z.array(z.number().int().nullable());

export const StatsSeries = z.object({ key: z.string(), nameNl: z.string(), nameEn: z.string(), counts: Counts });
export type StatsSeries = z.infer<typeof StatsSeries>;

export const StatsView = z.object({
  months: z.array(z.string()),
  suppressedBelow: z.number().int(),
  resourcesBySubject: z.array(StatsSeries),
  resourcesByLevel: z.array(StatsSeries),
  /** Members who logged in that month (from the log-in history, kept 90 days: earlier months are null). */
  activeMembers: Counts,
  /** The first month (YYYY-MM) whose active members are known; before it, null means unknown, not suppressed. */
  activeMembersKnownFrom: z.string(),
  searches: Counts,
  zeroResultSearches: Counts,
  partnerAuthorisations: Counts,
  partnerWithdrawals: Counts,
});
export type StatsView = z.infer<typeof StatsView>;

export const StatsExportQuery = z
  .strictObject({ from: Month.optional(), to: Month.optional(), dataset: z.enum(['resources-by-subject', 'resources-by-level', 'activity']) })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'Na "van" / After "from"' });
export type StatsExportQuery = z.infer<typeof StatsExportQuery>;
