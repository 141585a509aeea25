import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { GroupThreadsDocument } from '@convene/web-data-access';
import { PageError, useFormatDateTime } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NewThreadModal } from './NewThreadModal';
import { ThreadTags } from './ThreadTags';

const PAGE = 20;

/** A group's discussions, latest activity first, for the group page. */
export function GroupThreads({ groupId, slug }: { groupId: string; slug: string }) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const [opened, modal] = useDisclosure(false);
  const { data, error, refetch, fetchMore, loading } = useQuery(GroupThreadsDocument, { variables: { slug, first: PAGE } });
  const page = data?.workingGroup.threads;
  if (!data && error) return <PageError error={error} onRetry={() => void refetch()} />;
  if (data && !page) return null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="group-discussions-heading">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="group-discussions-heading">
          {t('list.title')}
        </Title>
        <Button onClick={modal.open}>{t('list.start')}</Button>
      </Group>
      <NewThreadModal groupId={groupId} slug={slug} opened={opened} onClose={modal.close} />
      {page && page.nodes.length === 0 && <Text c="gray.7">{t('list.empty')}</Text>}
      {page && page.nodes.length > 0 && (
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {page.nodes.map((thread, index) => (
            <li key={thread.id} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}>
              <Group justify="space-between" wrap="nowrap" py="sm" gap="md">
                <div>
                  <Anchor component={Link} to={`/threads/${thread.id}`} fw={600} dir="auto">
                    {thread.title}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {t('list.byAt', { author: thread.author?.displayName ?? '', time: formatDateTime(thread.lastActivityAt) })}
                  </Text>
                  <ThreadTags tags={thread.tags} mt={4} />
                </div>
                <Group gap="xs" wrap="nowrap">
                  {thread.locked && (
                    <Badge variant="outline" color="gray" c="gray.9">
                      {t('list.locked')}
                    </Badge>
                  )}
                  <Text size="sm" c="gray.8" style={{ whiteSpace: 'nowrap' }}>
                    {t('list.replies', { count: thread.replyCount })}
                  </Text>
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {page?.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: page.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => {
                  const older = fetchMoreResult.workingGroup.threads;
                  const current = previous.workingGroup.threads;
                  if (!older || !current) return previous;
                  return { workingGroup: { ...previous.workingGroup, threads: { ...older, nodes: [...current.nodes, ...older.nodes] } } };
                },
              })
            }
          >
            {t('list.more')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
