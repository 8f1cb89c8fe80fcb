import { createBrowserRouter, Navigate } from 'react-router';
import { RootLayout } from './layout/root-layout';
import { RequireMember } from './layout/require-member';
import { RequireAdmin } from './layout/require-admin';
import { RequireModerator } from './layout/require-moderator';
import { RouteError } from './layout/route-error';
import { InitialLoading } from './layout/initial-loading';

/**
 * Every page is its own chunk (route `lazy`), so the first load carries only the shell and
 * the page asked for.
 */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError standalone />,
    HydrateFallback: InitialLoading,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('./routes/home') },
          { path: 'register', lazy: () => import('./routes/register') },
          { path: 'verify-email', lazy: () => import('./routes/verify-email') },
          { path: 'login', lazy: () => import('./routes/login') },
          { path: 'forgot-password', lazy: () => import('./routes/forgot-password') },
          { path: 'reset-password', lazy: () => import('./routes/reset-password') },
          { path: 'confirm-email', lazy: () => import('./routes/confirm-email') },
          { path: 'unsubscribe', lazy: () => import('./routes/unsubscribe') },
          { path: 'newsletter/unsubscribe', lazy: () => import('./routes/newsletter-unsubscribe') },
          // The appeal link of a statement of reasons: works signed out (a suspended member cannot sign in).
          { path: 'account/decisions/:id', lazy: () => import('./routes/account-decision-appeal') },
          // After asking to delete one's account (signed out by then), and the e-mailed cancel link.
          { path: 'account-deletion/requested', lazy: () => import('./routes/account-deletion-requested') },
          { path: 'account-deletion/:token', lazy: () => import('./routes/account-deletion') },
          {
            path: 'account',
            element: <RequireMember />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', lazy: () => import('./routes/account-profile') },
              { path: 'security', lazy: () => import('./routes/account-security') },
              { path: 'resources', lazy: () => import('./routes/account-resources') },
              { path: 'viewed', lazy: () => import('./routes/account-viewed') },
              { path: 'favourites', lazy: () => import('./routes/account-favourites') },
              { path: 'notifications', lazy: () => import('./routes/account-notifications') },
              { path: 'folders', lazy: () => import('./routes/account-folders') },
              { path: 'blocks', lazy: () => import('./routes/account-blocks') },
              { path: 'searches', lazy: () => import('./routes/account-searches') },
              { path: 'authorisations', lazy: () => import('./routes/account-authorisations') },
              { path: 'my-data', lazy: () => import('./routes/account-my-data') },
              { path: 'decisions', lazy: () => import('./routes/account-decisions') },
            ],
          },
          {
            element: <RequireMember />,
            children: [
              { path: 'notifications', lazy: () => import('./routes/notifications') },
              { path: 'messages', lazy: () => import('./routes/messages') },
              { path: 'messages/:id', lazy: () => import('./routes/conversation') },
              { path: 'feed', lazy: () => import('./routes/feed') },
              { path: 'consent/:uid', lazy: () => import('./routes/consent') },
            ],
          },
          {
            path: 'admin',
            element: <RequireMember />,
            children: [
              {
                element: <RequireAdmin />,
                children: [
                  { index: true, lazy: () => import('./routes/admin') },
                  { path: 'members', lazy: () => import('./routes/admin-members') },
                  { path: 'audit', lazy: () => import('./routes/admin-audit') },
                  { path: 'incidents', lazy: () => import('./routes/admin-incidents') },
                  { path: 'incidents/new', lazy: () => import('./routes/admin-incident-new') },
                  { path: 'incidents/:id', lazy: () => import('./routes/admin-incident') },
                  { path: 'statistics', lazy: () => import('./routes/admin-statistics') },
                  { path: 'settings', lazy: () => import('./routes/admin-settings') },
                  { path: 'partners', lazy: () => import('./routes/admin-partners') },
                  { path: 'partners/new', lazy: () => import('./routes/admin-partner-new') },
                  { path: 'partners/:id', lazy: () => import('./routes/admin-partner') },
                  { path: 'privacy-policy', lazy: () => import('./routes/admin-privacy-policy') },
                  { path: 'privacy-requests', lazy: () => import('./routes/admin-privacy-requests') },
                  { path: 'privacy-requests/:id', lazy: () => import('./routes/admin-privacy-request') },
                  { path: 'analytics', lazy: () => import('./routes/admin-analytics') },
                  { path: 'newsletters', lazy: () => import('./routes/admin-newsletters') },
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
                  { path: 'reports', lazy: () => import('./routes/moderation-reports') },
                  { path: 'appeals', lazy: () => import('./routes/moderation-appeals') },
                  { path: 'review', lazy: () => import('./routes/moderation-review') },
                  { path: 'ban-list', lazy: () => import('./routes/moderation-ban-list') },
                ],
              },
            ],
          },
          {
            path: 'resources',
            children: [
              { path: 'new', element: <RequireMember />, children: [{ index: true, lazy: () => import('./routes/resource-new') }] },
              { path: ':id', lazy: () => import('./routes/resource-detail') },
              { path: ':id/edit', element: <RequireMember />, children: [{ index: true, lazy: () => import('./routes/resource-edit') }] },
            ],
          },
          { path: 'search', lazy: () => import('./routes/search') },
          { path: 'partners', lazy: () => import('./routes/partners') },
          { path: 'sub-processors', lazy: () => import('./routes/sub-processors') },
          { path: 'privacy', lazy: () => import('./routes/privacy') },
          { path: 'privacy/versions/:version', lazy: () => import('./routes/privacy-version') },
          { path: 'contact', lazy: () => import('./routes/contact') },
          { path: 'privacy/accept', element: <RequireMember />, children: [{ index: true, lazy: () => import('./routes/privacy-accept') }] },
          { path: 'members/:handle', lazy: () => import('./routes/member') },
          { path: 'folders/shared/:token', lazy: () => import('./routes/folder') },
          { path: 'folders/:id', lazy: () => import('./routes/folder') },
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
]);
