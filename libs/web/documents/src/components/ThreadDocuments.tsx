import { paths, useFileSize } from '@convene/web-ui';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { ThreadDocumentsDocument } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileTypeIcon } from './FileTypeIcon';
import { useTypeLabel } from '../hooks/useTypeLabel';

/** The documents linked to a discussion, shown on the discussion's page (nothing when there are none). */
export function ThreadDocuments({ threadId }: { threadId: string }) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const { data } = useQuery(ThreadDocumentsDocument, { variables: { id: threadId } });
  const documents = data?.thread.documents ?? [];
  if (documents.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="thread-documents-heading">
      <Title order={2} size="h5" id="thread-documents-heading" mb="xs">
        {t('links.documentsTitle')}
      </Title>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {documents.map((document) => (
          <Group component="li" key={document.id} gap="xs" wrap="nowrap">
            <FileTypeIcon kind={document.kind ?? null} size={20} />
            <Anchor component={Link} to={paths.document(document.id)} size="sm" dir="auto">
              {document.title}
            </Anchor>
            <Text size="xs" c="gray.7">
              {typeLabel(document)} · {fileSize(document.size)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
