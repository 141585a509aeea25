// A working group's page: the groups feature's page with the other features' parts of a group.
import { GroupThreads } from '@convene/web-discussions';
import { GroupDocuments } from '@convene/web-documents';
import { GroupPage, type GroupSlot } from '@convene/web-groups';
import { GroupNotificationMenu } from '@convene/web-notifications';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoadBoundary } from '../routes/PageLoadBoundary';
import { RouteLoading } from '../routes/RouteLoading';

const GroupMeetings = lazy(() => import('../tabs/GroupMeetingsTab'));

/** The group page's Meetings tab, beside its overview. */
function useMeetingsTab() {
  const { t } = useTranslation('meetings');
  return (group: GroupSlot) => [
    {
      value: 'meetings',
      label: t('group.tab'),
      content: (
        <PageLoadBoundary>
          <Suspense fallback={<RouteLoading />}>
            <GroupMeetings groupId={group.id} slug={group.slug} readOnly={group.readOnly} />
          </Suspense>
        </PageLoadBoundary>
      ),
    },
  ];
}

export default function WorkingGroupPage() {
  const meetingsTab = useMeetingsTab();
  return (
    <GroupPage
      memberActions={(group) => <GroupNotificationMenu groupId={group.id} slug={group.slug} />}
      memberSections={(group) => (
        <>
          <GroupThreads groupId={group.id} slug={group.slug} readOnly={group.readOnly} />
          <GroupDocuments groupId={group.id} slug={group.slug} readOnly={group.readOnly} />
        </>
      )}
      memberTabs={meetingsTab}
    />
  );
}
