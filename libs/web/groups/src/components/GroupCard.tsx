import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { GroupSummaryFieldsFragment } from '@convene/web-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MembershipActions } from '../hooks/useMembershipActions';
import { JoinPolicyLabel } from './JoinPolicyLabel';
import { MembershipBadge } from './MembershipBadge';
import { paths } from '@convene/web-ui';

export interface GroupCardProps {
  group: GroupSummaryFieldsFragment;
  actions: MembershipActions;
}

export function GroupCard({ group, actions }: GroupCardProps) {
  const { t } = useTranslation('groups');
  const headingId = `group-card-${group.id}`;
  const membership = group.viewerMembership;
  const ref = { id: group.id, name: group.name };
  const [pending, setPending] = useState(false);
  const join = async (message: string | null, policy: 'OPEN' | 'REQUEST') => {
    setPending(true);
    try {
      return await actions.join(ref, message, policy);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="article" withBorder padding="lg" radius="md" aria-labelledby={headingId} h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} size="h4" id={headingId}>
            <Anchor component={Link} to={paths.group(group.slug)} c="indigo.9" underline="hover" dir="auto">
              {group.name}
            </Anchor>
          </Title>
          <MembershipBadge membership={membership} />
        </Group>
        <Text size="sm" lineClamp={3} className="convene-preline" dir="auto">
          {group.purpose}
        </Text>
        <Group gap="xs" mt="auto" justify="space-between" align="center">
          <Group gap="xs">
            <JoinPolicyLabel policy={group.joinPolicy} />
            {group.memberCount != null && (
              <Text size="sm" c="dimmed" span>
                · {t('list.memberCount', { count: group.memberCount })}
              </Text>
            )}
          </Group>
          {!membership && group.joinPolicy === 'OPEN' && (
            <Button size="xs" onClick={() => void join(null, 'OPEN')} loading={pending}>
              {t('actions.join')}
            </Button>
          )}
          {!membership && group.joinPolicy === 'REQUEST' && (
            <Button size="xs" variant="light" onClick={() => void join(null, 'REQUEST')} loading={pending}>
              {t('actions.requestToJoin')}
            </Button>
          )}
          {membership?.status === 'INVITED' && (
            <Button size="xs" variant="light" component={Link} to={paths.group(group.slug)}>
              {t('list.openGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
