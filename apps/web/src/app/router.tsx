import { lazy, type ComponentType, type ReactElement } from 'react';
import { Navigate, useLocation, useRoutes, type RouteObject } from 'react-router';
import { RootLayout } from './layout/root-layout';
import { RequireMember } from './layout/require-member';
import { RequireAdmin } from './layout/require-admin';
import { RequireModerator } from './layout/require-moderator';
import { RouteErrorBoundary } from './layout/route-error-boundary';

/**
 * A page: its route module (exporting `Component`) is its own chunk, fetched when the page is
 * first shown, so the first load carries only the shell and the page asked for. While it loads,
 * a navigation keeps the current page on screen (browser-router.tsx); a first load shows the
 * layout's loading indicator.
 */
function page(load: () => Promise<{ Component: ComponentType }>): ReactElement {
  const Page = lazy(() => load().then((module) => ({ default: module.Component })));
  return <Page />;
}

const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      {
        children: [
          { index: true, element: page(() => import('./routes/home')) },
          { path: 'register', element: page(() => import('./routes/register')) },
          { path: 'verify-email', element: page(() => import('./routes/verify-email')) },
          { path: 'login', element: page(() => import('./routes/login')) },
          { path: 'forgot-password', element: page(() => import('./routes/forgot-password')) },
          { path: 'reset-password', element: page(() => import('./routes/reset-password')) },
          { path: 'confirm-email', element: page(() => import('./routes/confirm-email')) },
          { path: 'unsubscribe', element: page(() => import('./routes/unsubscribe')) },
          { path: 'newsletter/unsubscribe', element: page(() => import('./routes/newsletter-unsubscribe')) },
          // The appeal link of a statement of reasons: works signed out (a suspended member cannot sign in).
          { path: 'account/decisions/:id', element: page(() => import('./routes/account-decision-appeal')) },
          // After asking to delete one's account (signed out by then), and the e-mailed cancel link.
          { path: 'account-deletion/requested', element: page(() => import('./routes/account-deletion-requested')) },
          { path: 'account-deletion/:token', element: page(() => import('./routes/account-deletion')) },
          {
            path: 'account',
            element: <RequireMember />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', element: page(() => import('./routes/account-profile')) },
              { path: 'security', element: page(() => import('./routes/account-security')) },
              { path: 'resources', element: page(() => import('./routes/account-resources')) },
              { path: 'viewed', element: page(() => import('./routes/account-viewed')) },
              { path: 'favourites', element: page(() => import('./routes/account-favourites')) },
              { path: 'notifications', element: page(() => import('./routes/account-notifications')) },
              { path: 'folders', element: page(() => import('./routes/account-folders')) },
              { path: 'blocks', element: page(() => import('./routes/account-blocks')) },
              { path: 'searches', element: page(() => import('./routes/account-searches')) },
              { path: 'authorisations', element: page(() => import('./routes/account-authorisations')) },
              { path: 'my-data', element: page(() => import('./routes/account-my-data')) },
              { path: 'decisions', element: page(() => import('./routes/account-decisions')) },
            ],
          },
          {
            element: <RequireMember />,
            children: [
              { path: 'notifications', element: page(() => import('./routes/notifications')) },
              { path: 'messages', element: page(() => import('./routes/messages')) },
              { path: 'messages/:id', element: page(() => import('./routes/conversation')) },
              { path: 'feed', element: page(() => import('./routes/feed')) },
              { path: 'consent/:uid', element: page(() => import('./routes/consent')) },
            ],
          },
          {
            path: 'admin',
            element: <RequireMember />,
            children: [
              {
                element: <RequireAdmin />,
                children: [
                  { index: true, element: page(() => import('./routes/admin')) },
                  { path: 'members', element: page(() => import('./routes/admin-members')) },
                  { path: 'audit', element: page(() => import('./routes/admin-audit')) },
                  { path: 'incidents', element: page(() => import('./routes/admin-incidents')) },
                  { path: 'incidents/new', element: page(() => import('./routes/admin-incident-new')) },
                  { path: 'incidents/:id', element: page(() => import('./routes/admin-incident')) },
                  { path: 'statistics', element: page(() => import('./routes/admin-statistics')) },
                  { path: 'settings', element: page(() => import('./routes/admin-settings')) },
                  { path: 'partners', element: page(() => import('./routes/admin-partners')) },
                  { path: 'partners/new', element: page(() => import('./routes/admin-partner-new')) },
                  { path: 'partners/:id', element: page(() => import('./routes/admin-partner')) },
                  { path: 'privacy-policy', element: page(() => import('./routes/admin-privacy-policy')) },
                  { path: 'privacy-requests', element: page(() => import('./routes/admin-privacy-requests')) },
                  { path: 'privacy-requests/:id', element: page(() => import('./routes/admin-privacy-request')) },
                  { path: 'analytics', element: page(() => import('./routes/admin-analytics')) },
                  { path: 'newsletters', element: page(() => import('./routes/admin-newsletters')) },
                ],
              },
            ],
          },
          {
            path: 'moderation',
            element: <RequireMember />,
            children: [
              {
                element: <RequireModerator />,
                children: [
                  { index: true, element: <Navigate to="reports" replace /> },
                  { path: 'reports', element: page(() => import('./routes/moderation-reports')) },
                  { path: 'appeals', element: page(() => import('./routes/moderation-appeals')) },
                  { path: 'review', element: page(() => import('./routes/moderation-review')) },
                  { path: 'ban-list', element: page(() => import('./routes/moderation-ban-list')) },
                ],
              },
            ],
          },
          {
            path: 'resources',
            children: [
              { path: 'new', element: <RequireMember />, children: [{ index: true, element: page(() => import('./routes/resource-new')) }] },
              { path: ':id', element: page(() => import('./routes/resource-detail')) },
              { path: ':id/edit', element: <RequireMember />, children: [{ index: true, element: page(() => import('./routes/resource-edit')) }] },
            ],
          },
          { path: 'search', element: page(() => import('./routes/search')) },
          { path: 'partners', element: page(() => import('./routes/partners')) },
          { path: 'sub-processors', element: page(() => import('./routes/sub-processors')) },
          { path: 'privacy', element: page(() => import('./routes/privacy')) },
          { path: 'privacy/versions/:version', element: page(() => import('./routes/privacy-version')) },
          { path: 'contact', element: page(() => import('./routes/contact')) },
          { path: 'privacy/accept', element: <RequireMember />, children: [{ index: true, element: page(() => import('./routes/privacy-accept')) }] },
          { path: 'members/:handle', element: page(() => import('./routes/member')) },
          { path: 'folders/shared/:token', element: page(() => import('./routes/folder')) },
          { path: 'folders/:id', element: page(() => import('./routes/folder')) },
          { path: '*', element: page(() => import('./routes/not-found')) },
        ],
      },
    ],
  },
];

/** The pages; a failure of the shell itself is shown on its own. */
export function AppRoutes() {
  const location = useLocation();
  return (
    <RouteErrorBoundary standalone pathname={location.pathname}>
      {useRoutes(routes)}
    </RouteErrorBoundary>
  );
}
