import { Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { ThreadRevisionsDocument } from '@convene/web-data-access';
import { ErrorAlert, PageLoader, useFormatDateTime } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { ThreadTags } from './ThreadTags';

/** A discussion's earlier titles and tags, newest first: who changed them, and when. */
export function ThreadHistoryModal({
  threadId,
  opened,
  onClose,
}: {
  threadId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('discussions');
  const formatDateTime = useFormatDateTime();
  const { data, loading, error } = useQuery(ThreadRevisionsDocument, {
    variables: { threadId },
    skip: !opened,
    fetchPolicy: 'network-only',
  });
  const revisions = data?.threadRevisions ?? [];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('threadHistory.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('history.close') }}
    >
      <Text size="sm" c="gray.7" mb="md">
        {t('threadHistory.intro')}
      </Text>
      {loading && <PageLoader />}
      <ErrorAlert error={error} />
      {data && revisions.length === 0 && <Text size="sm">{t('threadHistory.empty')}</Text>}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {revisions.map((revision) => (
          <Paper component="li" key={revision.id} withBorder p="sm" bg="gray.0">
            <Text size="xs" c="gray.7" mb="xs">
              {t('threadHistory.changed', {
                name: revision.editor?.displayName ?? t('threadHistory.formerMember'),
                when: formatDateTime(revision.replacedAt),
              })}
            </Text>
            <Text fw={600} dir="auto">
              {revision.title}
            </Text>
            {revision.tags.length > 0 && <ThreadTags tags={revision.tags} />}
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}
