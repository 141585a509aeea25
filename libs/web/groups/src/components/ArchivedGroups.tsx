// The network admins' list of archived groups, under the directory, with a way to restore each.
// Its own chunk: only admins load it.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { ArchivedWorkingGroupsDocument, type GroupSummaryFieldsFragment } from '@convene/web-data-access';
import { PageError, paths } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ArchiveGroupModal from './ArchiveGroupModal';

export default function ArchivedGroups() {
  const { t, i18n } = useTranslation('groups');
  const { data, error, refetch } = useQuery(ArchivedWorkingGroupsDocument, { fetchPolicy: 'cache-and-network' });
  const [restoring, setRestoring] = useState<GroupSummaryFieldsFragment | null>(null);
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const groups = data?.archivedWorkingGroups ?? [];
  if (groups.length === 0) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <Stack component="section" aria-labelledby="groups-archived" gap="sm">
      <Title order={2} size="h3" id="groups-archived">
        {t('archive.listTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('archive.listIntro')}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {groups.map((group) => (
          <Paper component="li" key={group.id} withBorder p="sm">
            <Group justify="space-between" gap="sm">
              <div>
                <Anchor component={Link} to={paths.group(group.slug)} fw={600} dir="auto">
                  {group.name}
                </Anchor>
                {group.archivedAt && (
                  <Text size="sm" c="dimmed">
                    {t('archive.archivedOn', { date: date.format(new Date(group.archivedAt)) })}
                  </Text>
                )}
              </div>
              <Button
                variant="default"
                onClick={() => setRestoring(group)}
                aria-label={t('archive.restoreNamed', { group: group.name })}
              >
                {t('archive.restore')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {restoring && <ArchiveGroupModal group={restoring} opened onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
