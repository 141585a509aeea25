import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { DiscussionGroupsDocument, SearchPostsDocument, type SearchPostsQuery } from '@convene/web-data-access';
import { ErrorAlert, PageLoader, PageTitle, paths, useFormatDateTime, usePageSize } from '@convene/web-ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { readSearchParams, searchPath } from '../utils/search-path.util';
import { SearchIcon } from './icons/SearchIcon';
import './discussions.css';

const PAGE = 20;

type Result = SearchPostsQuery['search']['nodes'][number];
type Groups = { id: string; name: string }[];

/**
 * Full-text search of the discussions in the viewer's groups; the question lives in the address.
 * `above` lets the app show other features' matches (documents) before the discussions'.
 */
export function SearchPage({ above }: { above?: (search: { query: string; groupId: string | null }) => ReactNode }) {
  const { t } = useTranslation('discussions');
  const [params] = useSearchParams();
  const { query, groupId } = readSearchParams(params);
  const groupsQuery = useQuery(DiscussionGroupsDocument);
  const groups = (groupsQuery.data?.workingGroups ?? []).filter((g) => g.viewerMembership?.status === 'ACTIVE');
  const group = groups.find((g) => g.id === groupId);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle mb="xs">{t('search.title')}</PageTitle>
        <Text c="gray.7">{t('search.intro')}</Text>
      </div>
      {/* A new address (back, forward, another search) starts the form from it again. */}
      <SearchForm key={params.toString()} query={query} groupId={groupId} groups={groups} />
      {query && above?.({ query, groupId })}
      {query ? (
        <SearchResults query={query} groupId={groupId} groupName={group?.name ?? null} />
      ) : (
        <Paper withBorder p="lg" bg="gray.0">
          <Text fw={600} mb={4}>
            {t('search.emptyTitle')}
          </Text>
          <Text size="sm" c="gray.8">
            {t('search.tips')}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

function SearchForm({ query, groupId, groups }: { query: string; groupId: string | null; groups: Groups }) {
  const { t } = useTranslation('discussions');
  const navigate = useNavigate();
  const [draft, setDraft] = useState(query);
  const go = (next: { query: string; groupId: string | null }) => void navigate(searchPath(next));

  return (
    <form
      role="search"
      aria-label={t('search.title')}
      onSubmit={(event) => {
        event.preventDefault();
        go({ query: draft, groupId });
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<SearchIcon />}
          maxLength={LIMITS.searchQueryMax}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
          dir="auto"
          autoFocus={!query}
        />
        <NativeSelect
          label={t('search.group')}
          value={groupId ?? ''}
          onChange={(event) => go({ query: draft, groupId: event.currentTarget.value || null })}
          data={[{ value: '', label: t('search.allGroups') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
          style={{ flex: '0 1 260px' }}
        />
        <Button type="submit">{t('search.submit')}</Button>
      </Group>
    </form>
  );
}

function SearchResults({
  query,
  groupId,
  groupName,
}: {
  query: string;
  groupId: string | null;
  groupName: string | null;
}) {
  const { t } = useTranslation('discussions');
  const first = usePageSize(PAGE);
  // Never the previous search's results under this one's heading: a loader until they come.
  const { data, loading, error, fetchMore } = useQuery(SearchPostsDocument, {
    variables: { input: { query, groupId, first } },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const page = data?.search;

  const more = async () => {
    if (!page?.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { input: { query, groupId, first, after: page.endCursor } },
        updateQuery: (previous, { fetchMoreResult }) => ({
          search: { ...fetchMoreResult.search, nodes: [...previous.search.nodes, ...fetchMoreResult.search.nodes] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="search-results-heading">
      <Title order={2} size="h4" id="search-results-heading">
        {groupName ? t('search.resultsForIn', { query, group: groupName }) : t('search.resultsFor', { query })}
      </Title>
      <ErrorAlert error={error} />
      {loading && !page && <PageLoader />}
      {page && page.nodes.length === 0 && (
        <Paper withBorder p="lg" role="status">
          <Text fw={600}>{t('search.noResults', { query })}</Text>
          <Text size="sm" c="gray.8" mt={4}>
            {t('search.noResultsHint')}
          </Text>
          {groupId && (
            <Anchor component={Link} to={searchPath({ query })} size="sm" mt="xs" display="inline-block">
              {t('search.everywhere')}
            </Anchor>
          )}
        </Paper>
      )}
      {page && page.nodes.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {page.nodes.map((result) => (
            <SearchResultItem key={result.postId} result={result} />
          ))}
        </Stack>
      )}
      {page?.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={loadingMore} onClick={() => void more()}>
            {t('search.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SearchResultItem({ result }: { result: Result }) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  return (
    <Paper component="li" withBorder p="md" className="convene-search-result">
      {/* titleHtml and snippetHtml are escaped by the server, with only <mark> around the matched words. */}
      <Anchor component={Link} to={paths.thread(result.threadId, result.postId)} fw={600} dir="auto">
        <span dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
      </Anchor>
      <Text size="sm" mt={4} c="gray.9" dir="auto" component="div" className="convene-search-snippet">
        <span dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
      </Text>
      <Text size="xs" c="gray.7" mt={6}>
        {t('search.meta', {
          group: result.group?.name ?? '',
          author: result.author?.displayName ?? t('thread.someone'),
          time: formatDateTime(result.createdAt),
        })}
      </Text>
    </Paper>
  );
}
