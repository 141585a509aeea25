// Routes of the web app. Features own their pages (composed in ./pages, one chunk each); this
// file only decides where they live and which need a signed-in person.
// Where someone lands the moment their account is deleted: in the entry, so that leaving the
// signed-in pages happens at once, before the app forgets the account (a page still loading
// would let the sign-in redirect win).
import { AccountDeletedPage } from '@convene/web-identity';
import { AppLayout, NotFoundPage, paths, TWO_FACTOR_SETUP_PATH } from '@convene/web-ui';
import { isValidElement, lazy, Suspense } from 'react';
import { BrowserRouter, matchRoutes, Navigate, Outlet, useRoutes, type RouteObject } from 'react-router';
import { OfflineBanner } from './pwa/OfflineBanner';
import { useServiceWorkerNavigation } from './pwa/useServiceWorkerNavigation';
import { useServiceWorkerUpdate } from './pwa/useServiceWorkerUpdate';
import { lazyPage, type LazyPage } from './routes/lazy-page';
import { PageLoadBoundary, QuietBoundary } from './routes/PageLoadBoundary';
import { RequireAdmin } from './routes/RequireAdmin';
import { RequireViewer } from './routes/RequireViewer';
import { RouteLoading } from './routes/RouteLoading';

// Each page is its own chunk, loaded when first shown with the texts of the features it shows
// (tools/web-budget.mjs reads this list to know which texts each page fetches).
const SignInPage = lazyPage(() => import('./pages/SignInPage'), ['identity']);
const SignUpPage = lazyPage(() => import('./pages/SignUpPage'), ['identity']);
const ForgotPasswordPage = lazyPage(() => import('./pages/ForgotPasswordPage'), ['identity']);
const ResetPasswordPage = lazyPage(() => import('./pages/ResetPasswordPage'), ['identity']);
const DevMailPage = lazyPage(() => import('./pages/DevMailPage'), []);
const UnsubscribePage = lazyPage(() => import('./pages/UnsubscribePage'), ['notifications']);
const PublicEventPage = lazyPage(() => import('./pages/PublicEventPage'), ['meetings']);
const RegistrationPage = lazyPage(() => import('./pages/RegistrationPage'), ['meetings']);
const PitchFormPage = lazyPage(() => import('./pages/PitchFormPage'), ['submissions']);
const PartnerPitchPage = lazyPage(() => import('./pages/PartnerPitchPage'), ['submissions']);
const TwoFactorRequiredPage = lazyPage(() => import('./pages/TwoFactorRequiredPage'), ['identity', 'account']);
const GroupsPage = lazyPage(() => import('./pages/GroupsPage'), ['groups']);
const WorkingGroupPage = lazyPage(
  () => import('./pages/WorkingGroupPage'),
  ['groups', 'discussions', 'documents', 'meetings', 'notifications'],
);
const ThreadPage = lazyPage(() => import('./pages/ThreadPage'), ['discussions', 'documents']);
const DocumentPage = lazyPage(() => import('./pages/DocumentPage'), ['documents']);
const MeetingPage = lazyPage(() => import('./pages/MeetingPage'), ['meetings']);
const PollPage = lazyPage(() => import('./pages/PollPage'), ['meetings']);
const CalendarPage = lazyPage(() => import('./pages/CalendarPage'), ['meetings', 'calendarFeed']);
const SearchPage = lazyPage(() => import('./pages/SearchPage'), ['discussions', 'documents']);
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage'), ['notifications']);
const NotificationSettingsPage = lazyPage(() => import('./pages/NotificationSettingsPage'), ['notifications']);
const ProfilePage = lazyPage(() => import('./pages/ProfilePage'), ['identity', 'account']);
const SecurityPage = lazyPage(() => import('./pages/SecurityPage'), ['identity', 'account']);
const PitchBoardPage = lazyPage(() => import('./pages/PitchBoardPage'), ['submissions']);
const PitchReviewPage = lazyPage(() => import('./pages/PitchReviewPage'), ['submissions']);
const PitchFormsPage = lazyPage(() => import('./pages/PitchFormsPage'), ['submissions']);
const PitchFormEditPage = lazyPage(() => import('./pages/PitchFormEditPage'), ['submissions']);
const NetworkAdminPage = lazyPage(() => import('./pages/NetworkAdminPage'), ['identity', 'account', 'documents']);
const OrganisationsPage = lazyPage(() => import('./pages/OrganisationsPage'), ['identity', 'account']);
const OrganisationPage = lazyPage(() => import('./pages/OrganisationPage'), ['identity', 'account']);
const NetworkPeoplePage = lazyPage(() => import('./pages/NetworkPeoplePage'), ['identity', 'account']);
const AuditLogPage = lazyPage(() => import('./pages/AuditLogPage'), ['identity', 'account']);
// Offered only when a new version waits: no first load carries it.
const AppUpdatePrompt = lazy(() => import('./pwa/AppUpdatePrompt'));
const HeaderActions = lazyPage(() => import('./pages/HeaderActions'), ['discussions', 'notifications']);

function Layout() {
  useServiceWorkerNavigation();
  const update = useServiceWorkerUpdate();
  return (
    <AppLayout
      headerActions={
        <QuietBoundary>
          <Suspense>
            <HeaderActions />
          </Suspense>
        </QuietBoundary>
      }
    >
      <OfflineBanner />
      <PageLoadBoundary>
        <Suspense fallback={<RouteLoading />}>
          <Outlet />
        </Suspense>
      </PageLoadBoundary>
      {update.waiting && (
        <QuietBoundary>
          <Suspense>
            <AppUpdatePrompt onLater={update.dismiss} onReload={update.update} />
          </Suspense>
        </QuietBoundary>
      )}
    </AppLayout>
  );
}

// A declarative router: the app loads no data through routes, and the data router's code would be
// a sixth of every first load.
const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to={paths.groups()} replace /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password/:token', element: <ResetPasswordPage /> },
      { path: 'invitations/:token', element: <SignUpPage /> },
      // Where someone lands once their account is deleted (and they are signed out).
      { path: 'account-deleted', element: <AccountDeletedPage /> },
      { path: 'dev/mail', element: <DevMailPage /> },
      { path: 'unsubscribe/:token', element: <UnsubscribePage /> },
      // Open events and registrants' private links: for people without an account.
      { path: 'events/:slug', element: <PublicEventPage /> },
      { path: 'registrations/:token', element: <RegistrationPage /> },
      // Partner pitches: the public forms and the partner's private link.
      { path: 'pitch/:slug', element: <PitchFormPage /> },
      { path: 'pitches/:token', element: <PartnerPitchPage /> },
      // Where a network admin or convenor is held until two-factor sign-in is on (when enforced).
      {
        element: <RequireViewer duringTwoFactorSetup />,
        children: [{ path: TWO_FACTOR_SETUP_PATH.slice(1), element: <TwoFactorRequiredPage /> }],
      },
      {
        element: <RequireViewer />,
        children: [
          { path: 'groups', element: <GroupsPage /> },
          { path: 'groups/:slug', element: <WorkingGroupPage /> },
          { path: 'threads/:id', element: <ThreadPage /> },
          { path: 'documents/:id', element: <DocumentPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'polls/:id', element: <PollPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'settings/notifications', element: <NotificationSettingsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'settings/security', element: <SecurityPage /> },
          { path: 'pitches', element: <PitchBoardPage /> },
          { path: 'pitches/review/:id', element: <PitchReviewPage /> },
          { path: 'pitch-forms', element: <PitchFormsPage /> },
          { path: 'pitch-forms/:id', element: <PitchFormEditPage /> },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'organisations/:id', element: <OrganisationPage /> },
          {
            element: <RequireAdmin />,
            children: [
              { path: 'admin', element: <NetworkAdminPage /> },
              { path: 'admin/people', element: <NetworkPeoplePage /> },
              { path: 'admin/audit', element: <AuditLogPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

// The page at the address the app opens on starts loading at once, beside the viewer's query:
// RequireViewer shows it only once that query has answered.
for (const { route } of matchRoutes(routes, window.location.pathname) ?? []) {
  const page = isValidElement(route.element) ? (route.element.type as Partial<LazyPage>) : undefined;
  page?.preload?.();
}

function AppRoutes() {
  return useRoutes(routes);
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
