import { Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PostRevisionsDocument, type PostFieldsFragment } from '@convene/web-data-access';
import { ErrorAlert, PageLoader, useFormatDateTime } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

/** A post's earlier texts, newest first, each with when it was written and when it was replaced. */
export function PostHistoryModal({ post, onClose }: { post: PostFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const { data, loading, error } = useQuery(PostRevisionsDocument, {
    variables: { postId: post?.id ?? '' },
    skip: !post,
    fetchPolicy: 'network-only',
  });
  const revisions = data?.postRevisions ?? [];

  return (
    <Modal
      opened={post !== null}
      onClose={onClose}
      title={t('history.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('history.close') }}
    >
      <Text size="sm" c="gray.7" mb="md">
        {t('history.intro')}
      </Text>
      {loading && <PageLoader />}
      <ErrorAlert error={error} />
      {data && revisions.length === 0 && <Text size="sm">{t('history.empty')}</Text>}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {revisions.map((revision) => (
          <Paper component="li" key={revision.id} withBorder p="sm" bg="gray.0">
            <Text size="xs" c="gray.7" mb="xs">
              {t('history.version', {
                written: formatDateTime(revision.writtenAt),
                replaced: formatDateTime(revision.replacedAt),
              })}
            </Text>
            {/* Rendered by the server from Markdown with raw HTML off and only safe links: see markdown.util.ts. */}
            <div className="convene-post-body" dir="auto" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}
