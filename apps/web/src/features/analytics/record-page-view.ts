import { useEffect } from 'react';
import { matchPath, useLocation } from 'react-router';
import { ANALYTICS_ROUTES, type AnalyticsRoute } from '@lesplein/contracts/analytics-routes';
import { useConsent } from '../../lib/consent';

export const PAGE_VIEWS_PATH = '/api/analytics/page-views';

/** The route pattern an address is counted under, or null when it is not one the counter knows. */
export function routePatternOf(pathname: string): AnalyticsRoute | null {
  return ANALYTICS_ROUTES.find((pattern) => matchPath({ path: pattern, end: true }, pathname) !== null) ?? null;
}

/**
 * POST /api/analytics/page-views — counts one view of a route pattern. This bypasses the api
 * client on purpose: the counter must receive no cookie (not even the session's), so the request
 * goes with `credentials: 'omit'`, needs no CSRF token, and its outcome does not matter.
 */
export function recordPageView(route: AnalyticsRoute): void {
  void fetch(PAGE_VIEWS_PATH, { method: 'POST', credentials: 'omit', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route }) }).catch(() => undefined);
}

/** Counts each page the visitor opens, only while they allow statistics. */
export function usePageViewCounter(): void {
  const { pathname } = useLocation();
  const allowed = useConsent().choice?.analytics === true;
  useEffect(() => {
    if (!allowed) return;
    const route = routePatternOf(pathname);
    if (route) recordPageView(route);
  }, [pathname, allowed]);
}
