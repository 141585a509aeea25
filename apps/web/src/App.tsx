// Routes of the web app. Features own their pages; this file only decides where they live
// and which need a signed-in person.
import { GroupThreads, HeaderSearch, SearchPage, ThreadPage } from '@convene/web-discussions';
import {
  DocumentPage,
  DocumentSearchResults,
  DocumentTypesForm,
  GroupDocuments,
  ThreadDocuments,
} from '@convene/web-documents';
import { GroupPage, GroupsPage } from '@convene/web-groups';
import {
  CalendarPage,
  GroupMeetings,
  MeetingPage,
  PollPage,
  PublicEventPage,
  RegistrationPage,
} from '@convene/web-meetings';
import {
  AccountDeletedPage,
  AdminPage,
  AuditLogPage,
  ForgotPasswordPage,
  NetworkPeoplePage,
  ProfilePage,
  ResetPasswordPage,
  SecurityPage,
  SignInPage,
  SignUpPage,
  TwoFactorRequiredPage,
} from '@convene/web-identity';
import {
  GroupNotificationMenu,
  NotificationBell,
  NotificationSettingsPage,
  NotificationsPage,
  UnsubscribePage,
} from '@convene/web-notifications';
import {
  PartnerPitchPage,
  PitchBoardPage,
  PitchFormEditPage,
  PitchFormPage,
  PitchFormsPage,
  PitchReviewPage,
} from '@convene/web-submissions';
import { AppLayout, NotFoundPage, paths, TWO_FACTOR_SETUP_PATH } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { DevMailPage } from './dev/DevMailPage';
import { RequireAdmin } from './routes/RequireAdmin';
import { RequireViewer } from './routes/RequireViewer';

function Layout() {
  return (
    <AppLayout
      headerActions={
        <>
          <HeaderSearch />
          <NotificationBell />
        </>
      }
    >
      <Outlet />
    </AppLayout>
  );
}

/** The group page's Meetings tab, beside its overview. */
function useMeetingsTab() {
  const { t } = useTranslation('meetings');
  return (group: { id: string; slug: string }) => [
    { value: 'meetings', label: t('group.tab'), content: <GroupMeetings groupId={group.id} slug={group.slug} /> },
  ];
}

function WorkingGroupPage() {
  const meetingsTab = useMeetingsTab();
  return (
    <GroupPage
      memberActions={(group) => <GroupNotificationMenu groupId={group.id} slug={group.slug} />}
      memberSections={(group) => (
        <>
          <GroupThreads groupId={group.id} slug={group.slug} />
          <GroupDocuments groupId={group.id} slug={group.slug} />
        </>
      )}
      memberTabs={meetingsTab}
    />
  );
}

/** The admin page with the settings other features own (file types members may share). */
function NetworkAdminPage() {
  const { t } = useTranslation('documents');
  return (
    <AdminPage
      more={[{ id: 'admin-document-types-heading', title: t('types.heading'), content: <DocumentTypesForm /> }]}
    />
  );
}

const router = createBrowserRouter([
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
          {
            path: 'threads/:id',
            element: <ThreadPage aside={(threadId) => <ThreadDocuments threadId={threadId} />} />,
          },
          { path: 'documents/:id', element: <DocumentPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'polls/:id', element: <PollPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'search', element: <SearchPage above={(search) => <DocumentSearchResults {...search} />} /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'settings/notifications', element: <NotificationSettingsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'settings/security', element: <SecurityPage /> },
          { path: 'pitches', element: <PitchBoardPage /> },
          { path: 'pitches/review/:id', element: <PitchReviewPage /> },
          { path: 'pitch-forms', element: <PitchFormsPage /> },
          { path: 'pitch-forms/:id', element: <PitchFormEditPage /> },
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
]);

export function App() {
  return <RouterProvider router={router} />;
}
