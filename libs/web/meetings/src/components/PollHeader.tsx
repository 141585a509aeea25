import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import type { MeetingGroupsQuery, MeetingPollFieldsFragment } from '@convene/web-data-access';
import { PageTitle, paths } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type WorkingGroup = MeetingGroupsQuery['workingGroups'][number];

/** The top of a poll's page: the way back to its group, its title, status and respondents, and closing it. */
export function PollHeader({
  poll,
  group,
  onClosePoll,
}: {
  poll: MeetingPollFieldsFragment;
  group: WorkingGroup | null;
  onClosePoll: () => void;
}) {
  const { t } = useTranslation('meetings');
  const open = poll.status === 'OPEN';
  return (
    <div>
      {group ? (
        <Anchor component={Link} to={paths.group(group.slug, 'meetings')} size="sm">
          {t('poll.back', { group: group.name })}
        </Anchor>
      ) : (
        <Anchor component={Link} to={paths.groups()} size="sm">
          {t('poll.backPlain')}
        </Anchor>
      )}
      <Group gap="sm" align="center" mt="xs" justify="space-between">
        <Group gap="sm" align="center">
          <PageTitle mb={0} dir="auto">
            {poll.title}
          </PageTitle>
          <Badge
            variant="light"
            color={open ? 'indigo' : poll.status === 'DECIDED' ? 'teal' : 'gray'}
            c="gray.9"
            tt="none"
          >
            {t(`poll.statuses.${poll.status}`)}
          </Badge>
        </Group>
        {poll.viewerCanManage && open && !poll.groupArchived && (
          <Button variant="default" onClick={onClosePoll}>
            {t('poll.close')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7" mt={4}>
        {t('poll.respondents', { count: poll.respondents })}
        {poll.location ? ` · ${poll.location}` : ''}
      </Text>
    </div>
  );
}
