import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { toApiError, useViewer, WorkingGroupDocument, type WorkingGroupQuery } from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader, PageTitle, paths, SectionCard } from '@convene/web-ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMembershipActions } from '../hooks/useMembershipActions';
import { useMorePages, type MorePages } from '../hooks/useMorePages';
import { EditGroupModal } from './EditGroupModal';
import { InviteMemberModal } from './InviteMemberModal';
import { MembershipBadge } from './MembershipBadge';
import { MemberList } from './MemberList';
import { MemberName } from './MemberName';
import { PendingRequestList } from './PendingRequestList';
import { ViewerMembershipPanel } from './ViewerMembershipPanel';

// Only network admins archive and restore groups: the dialog is its own chunk.
const ArchiveGroupModal = lazy(() => import('./ArchiveGroupModal'));

type WorkingGroup = WorkingGroupQuery['workingGroup'];

/** The group as the app's composed parts see it; `readOnly` when it is archived (read, never written). */
export interface GroupSlot {
  id: string;
  slug: string;
  readOnly: boolean;
}

export interface GroupPageProps {
  /** More actions for people in the group (e.g. the notifications menu), composed by the app. */
  memberActions?: (group: GroupSlot) => ReactNode;
  /** More sections for active members (e.g. discussions), composed by the app. */
  memberSections?: (group: GroupSlot) => ReactNode;
  /** More tabs for active members (e.g. meetings), beside the overview; `?tab=<value>` opens one. */
  memberTabs?: (group: GroupSlot) => GroupTab[];
}

export interface GroupTab {
  value: string;
  label: string;
  content: ReactNode;
}

export function GroupPage({ memberActions, memberSections, memberTabs }: GroupPageProps = {}) {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useTranslation('groups');
  const { data, loading, error, refetch, fetchMore } = useQuery(WorkingGroupDocument, { variables: { slug } });
  const more = useMorePages(slug, fetchMore);

  if (loading && !data) return <PageLoader />;
  if (!data) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT') {
      return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    }
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  return (
    <GroupDetails
      group={data.workingGroup}
      more={more}
      memberActions={memberActions}
      memberSections={memberSections}
      memberTabs={memberTabs}
    />
  );
}

function GroupDetails({
  group,
  more,
  memberActions,
  memberSections,
  memberTabs,
}: { group: WorkingGroup; more: MorePages } & GroupPageProps) {
  const { t } = useTranslation('groups');
  const { viewer } = useViewer();
  const actions = useMembershipActions();
  const [inviteOpened, inviteModal] = useDisclosure(false);
  const [editOpened, editModal] = useDisclosure(false);
  const [archiveOpened, archiveModal] = useDisclosure(false);
  const isNetworkAdmin = viewer?.networkRole === 'ADMIN';
  const viewerId = viewer?.id ?? '';
  const isActive = group.viewerMembership?.status === 'ACTIVE';
  // An archived group is read: every way to change it is left out (the API refuses them anyway).
  const archived = group.archivedAt !== null;
  const canManage = group.viewerCanManage && !archived;
  const slot: GroupSlot = { id: group.id, slug: group.slug, readOnly: archived };
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = isActive ? (memberTabs?.(slot) ?? []) : [];
  const requestedTab = searchParams.get('tab');
  const activeTab = tabs.some((tab) => tab.value === requestedTab) ? (requestedTab ?? 'overview') : 'overview';
  const selectTab = (value: string | null) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!value || value === 'overview') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  const overview = (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <SectionCard id="group-purpose" title={t('group.purpose')}>
            <Text className="convene-preline" dir="auto">
              {group.purpose}
            </Text>
          </SectionCard>

          {isActive && memberSections?.(slot)}

          {!archived && (
            <SectionCard id="group-your-membership" title={t('group.yourMembership')}>
              <ViewerMembershipPanel group={group} actions={actions} />
            </SectionCard>
          )}

          {canManage && group.pendingRequests && (
            <SectionCard
              id="group-pending"
              title={t('group.pendingRequests')}
              aside={
                group.pendingRequests.nodes.length > 0 ? (
                  <Badge color="yellow" c="gray.9" variant="light">
                    {group.pendingRequests.hasNextPage
                      ? t('group.pendingCountMore', { count: group.pendingRequests.nodes.length })
                      : group.pendingRequests.nodes.length}
                  </Badge>
                ) : null
              }
            >
              <PendingRequestList
                requests={group.pendingRequests}
                onMore={more.pendingRequests}
                actions={actions}
                timeZone={viewer?.timeZone}
              />
            </SectionCard>
          )}

          <SectionCard id="group-members" title={t('group.members')}>
            {group.members ? (
              <MemberList
                members={group.members}
                onMore={more.members}
                viewerId={viewerId}
                canManage={canManage}
                actions={actions}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {isActive ? t('group.membersHidden') : t('group.membersForMembers')}
              </Text>
            )}
          </SectionCard>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          {group.convenors && (
            <SectionCard id="group-convenors" title={t('group.convenors')}>
              {group.convenors.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('group.noConvenors')}
                </Text>
              ) : (
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                  {group.convenors.map((convenor) => (
                    <li key={convenor.id}>
                      <MemberName membership={convenor} isViewer={convenor.user.id === viewerId} />
                    </li>
                  ))}
                </Stack>
              )}
            </SectionCard>
          )}

          {canManage && (
            <SectionCard id="group-invite" title={t('group.manageHeading')}>
              <Stack gap="sm" align="flex-start">
                <Text size="sm" c="dimmed">
                  {t('group.manageIntro')}
                </Text>
                <Button onClick={inviteModal.open}>{t('actions.invite')}</Button>
              </Stack>
              <InviteMemberModal
                group={{ id: group.id, name: group.name }}
                opened={inviteOpened}
                onClose={inviteModal.close}
                actions={actions}
              />
            </SectionCard>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={paths.groups()} size="sm">
          {t('group.backToGroups')}
        </Anchor>
        <Group gap="sm" align="center" mt="xs" justify="space-between">
          <Group gap="sm" align="center">
            <PageTitle mb={0} dir="auto">
              {group.name}
            </PageTitle>
            <MembershipBadge membership={group.viewerMembership} />
          </Group>
          <Group gap="xs">
            {group.viewerMembership && !archived && memberActions?.(slot)}
            {isNetworkAdmin && !archived && (
              <Button variant="default" onClick={editModal.open}>
                {t('editModal.open')}
              </Button>
            )}
            {isNetworkAdmin && (
              <Button variant="default" color={archived ? undefined : 'red'} onClick={archiveModal.open}>
                {t(archived ? 'archive.restore' : 'archive.archive')}
              </Button>
            )}
          </Group>
        </Group>
        {isNetworkAdmin && !archived && <EditGroupModal group={group} opened={editOpened} onClose={editModal.close} />}
        {isNetworkAdmin && archiveOpened && (
          <Suspense fallback={null}>
            <ArchiveGroupModal group={group} opened onClose={archiveModal.close} />
          </Suspense>
        )}
        <Group gap="xs" mt={4}>
          <Badge variant="outline" color="gray" tt="none" c="gray.9">
            {t(`joinPolicies.${group.joinPolicy}`)}
          </Badge>
          {group.memberCount != null && (
            <Text size="sm" c="dimmed">
              {t('group.memberCount', { count: group.memberCount })}
            </Text>
          )}
        </Group>
      </div>

      {archived && (
        <Alert color="gray" variant="light" title={t('archive.bannerTitle')} role="status">
          {t(isNetworkAdmin ? 'archive.bannerBodyAdmin' : 'archive.bannerBody')}
        </Alert>
      )}

      {tabs.length === 0 ? (
        overview
      ) : (
        <Tabs value={activeTab} onChange={selectTab} keepMounted={false}>
          <Tabs.List aria-label={t('group.sectionsLabel')} mb="lg">
            <Tabs.Tab value="overview">{t('group.overviewTab')}</Tabs.Tab>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview">{overview}</Tabs.Panel>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.value} value={tab.value}>
              {tab.content}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
