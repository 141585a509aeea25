import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { SearchDocumentsDocument } from '@convene/web-data-access';
import { ErrorAlert, paths, useFileSize, useFormatDateTime } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileTypeIcon } from './FileTypeIcon';
import './documents.css';
import { useTypeLabel } from '../hooks/useTypeLabel';

const PAGE = 5;

/** Documents matching a search (titles, descriptions, text of PDFs and text files), shown on the search page. */
export function DocumentSearchResults({ query, groupId }: { query: string; groupId: string | null }) {
  const { t } = useTranslation('documents');
  const formatDateTime = useFormatDateTime();
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const { data, error, fetchMore } = useQuery(SearchDocumentsDocument, {
    variables: { input: { query, groupId, first: PAGE } },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const page = data?.searchDocuments;
  if (!error && (!page || page.nodes.length === 0)) return null;

  const more = async () => {
    if (!page?.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { input: { query, groupId, first: PAGE, after: page.endCursor } },
        updateQuery: (previous, { fetchMoreResult }) => ({
          searchDocuments: {
            ...fetchMoreResult.searchDocuments,
            nodes: [...previous.searchDocuments.nodes, ...fetchMoreResult.searchDocuments.nodes],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="document-results-heading">
      <Title order={2} size="h4" id="document-results-heading">
        {t('search.title')}
      </Title>
      <ErrorAlert error={error} />
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {page?.nodes.map(({ document, titleHtml, snippetHtml }) => (
          <Paper component="li" withBorder p="md" key={document.id}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <FileTypeIcon kind={document.kind ?? null} />
              <div style={{ minWidth: 0 }}>
                {/* titleHtml and snippetHtml are escaped by the server, with only <mark> around the matched words. */}
                <Anchor component={Link} to={paths.document(document.id)} fw={600} dir="auto">
                  <span dangerouslySetInnerHTML={{ __html: titleHtml }} />
                </Anchor>
                {snippetHtml && (
                  <Text size="sm" mt={4} c="gray.9" dir="auto" component="div">
                    <span dangerouslySetInnerHTML={{ __html: snippetHtml }} />
                  </Text>
                )}
                <Text size="xs" c="gray.7" mt={6}>
                  {t('search.meta', {
                    type: typeLabel(document),
                    size: fileSize(document.size),
                    time: formatDateTime(document.updatedAt),
                  })}
                </Text>
              </div>
            </Group>
          </Paper>
        ))}
      </Stack>
      {page?.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void more()} loading={loadingMore}>
            {t('search.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
