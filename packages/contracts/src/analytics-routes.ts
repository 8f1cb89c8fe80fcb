/**
 * The route patterns the page-view counter knows. A page is counted under its pattern
 * (`/resources/:id`), never under its address, so no identifier of a resource, member or folder
 * is stored; an address that matches none of these is not counted. More specific patterns come
 * first (`/resources/new` before `/resources/:id`). Plain data without zod, so the web client's
 * start-up bundle can use it.
 */
export const ANALYTICS_ROUTES = [
  '/',
  '/search',
  '/resources/new',
  '/resources/:id/edit',
  '/resources/:id',
  '/members/:handle',
  '/folders/shared/:token',
  '/folders/:id',
  '/partners',
  '/sub-processors',
  '/privacy',
  '/privacy/versions/:version',
  '/privacy/accept',
  '/contact',
  '/register',
  '/login',
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/confirm-email',
  '/unsubscribe',
  '/feed',
  '/notifications',
  '/messages',
  '/messages/:id',
  '/consent/:uid',
  '/account/profile',
  '/account/security',
  '/account/resources',
  '/account/viewed',
  '/account/favourites',
  '/account/notifications',
  '/account/folders',
  '/account/blocks',
  '/account/searches',
  '/account/authorisations',
  '/account/my-data',
  '/account/decisions',
  '/account/decisions/:id',
] as const;
export type AnalyticsRoute = (typeof ANALYTICS_ROUTES)[number];
