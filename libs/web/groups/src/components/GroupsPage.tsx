import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { WorkingGroupsDocument, type GroupSummaryFieldsFragment } from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { useMembershipActions, type MembershipActions } from '../hooks/useMembershipActions';
import { GroupCard } from './GroupCard';

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

/** The landing page after sign-in: the viewer's groups first, then the rest of the network's. */
export function GroupsPage() {
  const { t } = useTranslation('groups');
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
    </Stack>
  );
}
