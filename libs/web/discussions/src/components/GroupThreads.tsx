import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { GroupThreadsDocument, type ThreadSummaryFieldsFragment } from '@convene/web-data-access';
import { PageError, paths, useFormatDateTime, usePageSize } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { searchPath } from '../utils/search-path.util';
import { LockIcon } from './icons/LockIcon';
import { PinIcon } from './icons/PinIcon';
import { SearchIcon } from './icons/SearchIcon';
import { NewThreadModal } from './NewThreadModal';
import { ThreadTags } from './ThreadTags';
import './discussions.css';

const PAGE = 20;

/**
 * A group's discussions for the group page: pinned first, then latest activity, with what is new to
 * the viewer. `readOnly` (an archived group): listed to be read, with no way to start one.
 */
export function GroupThreads({
  groupId,
  slug,
  readOnly = false,
}: {
  groupId: string;
  slug: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('discussions');
  const [opened, modal] = useDisclosure(false);
  const first = usePageSize(PAGE);
  const { data, error, refetch, fetchMore, loading } = useQuery(GroupThreadsDocument, {
    variables: { slug, first },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const page = data?.workingGroup.threads;
  if (!data && error) return <PageError error={error} onRetry={() => void refetch()} />;
  if (data && !page) return null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="group-discussions-heading">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h3" id="group-discussions-heading">
          {t('list.title')}
        </Title>
        {!readOnly && (
          <Group gap="sm" wrap="wrap">
            <GroupSearch groupId={groupId} />
            <Button onClick={modal.open}>{t('list.start')}</Button>
          </Group>
        )}
      </Group>
      {!readOnly && <NewThreadModal groupId={groupId} slug={slug} opened={opened} onClose={modal.close} />}
      {page && page.nodes.length === 0 && <Text c="gray.7">{t('list.empty')}</Text>}
      {page && page.nodes.length > 0 && (
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {page.nodes.map((thread, index) => (
            <li key={thread.id} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}>
              <ThreadRow thread={thread} />
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
                  return {
                    workingGroup: {
                      ...previous.workingGroup,
                      threads: { ...older, nodes: [...current.nodes, ...older.nodes] },
                    },
                  };
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

/**
 * One discussion in the list. Never opened: its title in bold and "New"; opened with posts since:
 * how many are new.
 */
function ThreadRow({ thread }: { thread: ThreadSummaryFieldsFragment }) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const unopened = thread.readCount === 0;
  return (
    <Group justify="space-between" wrap="nowrap" py="sm" gap="md" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" align="center">
          {thread.pinned && (
            <span className="convene-pin" title={t('list.pinned')}>
              <PinIcon />
              <VisuallyHidden>{t('list.pinned')}</VisuallyHidden>
            </span>
          )}
          <Anchor component={Link} to={paths.thread(thread.id)} fw={unopened ? 700 : 500} dir="auto">
            {thread.title}
          </Anchor>
        </Group>
        <Text size="sm" c="gray.7">
          {t('list.byAt', { author: thread.author?.displayName ?? '', time: formatDateTime(thread.lastActivityAt) })}
        </Text>
        <ThreadTags tags={thread.tags} mt={4} />
      </div>
      <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
        <Group gap="xs" wrap="nowrap">
          {thread.locked && (
            <Badge variant="outline" color="gray" c="gray.9" leftSection={<LockIcon size={12} />}>
              {t('list.locked')}
            </Badge>
          )}
          {unopened ? (
            <Badge color="indigo.8" tt="none">
              {t('list.unopened')}
            </Badge>
          ) : (
            thread.unreadCount > 0 && (
              <Badge color="indigo.8" tt="none">
                {t('list.newCount', { count: thread.unreadCount })}
              </Badge>
            )
          )}
        </Group>
        <Text size="sm" c="gray.8" style={{ whiteSpace: 'nowrap' }}>
          {t('list.replies', { count: thread.replyCount })}
        </Text>
      </Stack>
    </Group>
  );
}

/** Searching this group's discussions: the search page, filtered to the group. */
function GroupSearch({ groupId }: { groupId: string }) {
  const { t } = useTranslation('discussions');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  return (
    <form
      role="search"
      aria-label={t('list.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(searchPath({ query, groupId }));
      }}
    >
      <TextInput
        type="search"
        aria-label={t('list.searchLabel')}
        placeholder={t('list.searchPlaceholder')}
        leftSection={<SearchIcon />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        w={220}
      />
    </form>
  );
}
