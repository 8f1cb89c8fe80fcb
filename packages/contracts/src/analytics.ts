import { z } from 'zod';
import { ANALYTICS_ROUTES } from './analytics-routes.js';

/** One page view, counted under its route pattern (sent only after the visitor allowed statistics). */
export const RecordPageView = z.strictObject({ route: z.enum(ANALYTICS_ROUTES) });
export type RecordPageView = z.infer<typeof RecordPageView>;

// From 2000 on: the database refuses year 0, and no count can be older than the platform.
const Day = z.iso.date().refine((value) => value >= '2000-01-01', 'Vanaf 2000 / From 2000 on');

/** A range of days, at most 366; the last 30 days when left out. */
export const PageViewStatsQuery = z
  .strictObject({ from: Day.optional(), to: Day.optional() })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'Na "van" / After "from"' })
  .refine((value) => !value.from || !value.to || Date.parse(value.to) - Date.parse(value.from) <= 365 * 24 * 3600 * 1000, { path: ['from'], message: 'Hoogstens 366 dagen / At most 366 days' });
export type PageViewStatsQuery = z.infer<typeof PageViewStatsQuery>;

/** Page views in a range of days: per route pattern and per day; counts from 1 to 9 are null (suppressed). */
export const PageViewStats = z.object({
  from: Day,
  to: Day,
  suppressedBelow: z.number().int(),
  total: z.number().int().nullable(),
  routes: z.array(z.object({ route: z.string(), views: z.number().int().nullable() })),
  days: z.array(z.object({ day: Day, views: z.number().int().nullable() })),
});
export type PageViewStats = z.infer<typeof PageViewStats>;
