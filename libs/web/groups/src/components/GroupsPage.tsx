import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useViewer, WorkingGroupsDocument, type GroupSummaryFieldsFragment } from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle } from '@convene/web-ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembershipActions, type MembershipActions } from '../hooks/useMembershipActions';
import { GroupCard } from './GroupCard';

const ArchivedGroups = lazy(() => import('./ArchivedGroups'));

function GroupGrid({
  id,
  title,
  groups,
  actions,
}: {
  id: string;
  title: string;
  groups: GroupSummaryFieldsFragment[];
  actions: MembershipActions;
}) {
  if (groups.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {groups.map((group) => (
          <GroupCard key={group.id} group={group} actions={actions} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The landing page after sign-in: the viewer's groups first, then the rest of the network's;
 * network admins also find the archived groups there, to restore them.
 */
export function GroupsPage() {
  const { t } = useTranslation('groups');
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(WorkingGroupsDocument);
  const actions = useMembershipActions();

  const groups = data?.workingGroups ?? [];
  const mine = groups.filter((group) => group.viewerMembership);
  const others = groups.filter((group) => !group.viewerMembership);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle mb="xs">{t('list.title')}</PageTitle>
        <Text c="dimmed">{t('list.intro')}</Text>
      </div>
      {loading && !data && <PageLoader />}
      {error && !data && <PageError error={error} onRetry={() => void refetch()} />}
      {data && groups.length === 0 && <Text>{t('list.empty')}</Text>}
      <GroupGrid id="groups-mine" title={t('list.yourGroups')} groups={mine} actions={actions} />
      <GroupGrid id="groups-others" title={t('list.otherGroups')} groups={others} actions={actions} />
      {viewer?.networkRole === 'ADMIN' && (
        <Suspense fallback={null}>
          <ArchivedGroups />
        </Suspense>
      )}
    </Stack>
  );
}
