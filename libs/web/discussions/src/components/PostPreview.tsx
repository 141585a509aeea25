import { Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PreviewPostDocument } from '@convene/web-data-access';
import { ErrorAlert } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

/** How a post will look, rendered by the server exactly as it will be when posted (mentions too). */
export function PostPreview({ body, groupId }: { body: string; groupId: string }) {
  const { t } = useTranslation('discussions');
  const empty = !body.trim();
  const { data, loading, error } = useQuery(PreviewPostDocument, {
    variables: { body, groupId },
    skip: empty,
    fetchPolicy: 'no-cache',
  });
  return (
    <Paper withBorder p="sm" bg="gray.0" role="region" aria-label={t('preview.label')}>
      {empty && <Text c="gray.7">{t('preview.empty')}</Text>}
      {!empty && loading && <Loader size="sm" />}
      {!empty && error && <ErrorAlert error={error} />}
      {/* Rendered by the server from Markdown with raw HTML off and only safe links: see markdown.util.ts. */}
      {!empty && data && (
        <div className="convene-post-body" dir="auto" dangerouslySetInnerHTML={{ __html: data.previewPost }} />
      )}
    </Paper>
  );
}
