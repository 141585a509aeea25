import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DocumentThreadChoicesDocument,
  LinkDocumentToThreadDocument,
  UnlinkDocumentFromThreadDocument,
  type DocumentPageFieldsFragment,
} from '@convene/web-data-access';
import { ErrorAlert, paths, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The discussions of its group a document is linked to, and (for those who may) linking more. */
export function LinkedThreads({
  document,
  groupSlug,
  canEdit,
}: {
  document: DocumentPageFieldsFragment;
  groupSlug: string | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [choice, setChoice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const choices = useQuery(DocumentThreadChoicesDocument, {
    variables: { slug: groupSlug ?? '' },
    skip: !canEdit || !groupSlug,
  });
  const [link, { loading: linking }] = useMutation(LinkDocumentToThreadDocument);
  const [unlink] = useMutation(UnlinkDocumentFromThreadDocument);
  const linkedIds = new Set(document.linkedThreads.map((thread) => thread.id));
  const options = (choices.data?.workingGroup.threads?.nodes ?? [])
    .filter((thread) => !linkedIds.has(thread.id))
    .map((thread) => ({ value: thread.id, label: thread.title }));

  const add = async () => {
    if (!choice) return;
    setFailure(null);
    try {
      await link({ variables: { id: document.id, threadId: choice } });
      setChoice(null);
      notify.success(t('links.linked'));
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async (threadId: string) => {
    setFailure(null);
    try {
      await unlink({ variables: { id: document.id, threadId } });
    } catch (error) {
      setFailure(error);
    }
  };

  if (!canEdit && document.linkedThreads.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-links-heading">
      <Title order={2} size="h4" id="document-links-heading" mb="sm">
        {t('links.title')}
      </Title>
      <ErrorAlert error={failure} />
      {document.linkedThreads.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('links.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {document.linkedThreads.map((thread) => (
            <Group component="li" key={thread.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={paths.thread(thread.id)} size="sm" dir="auto">
                {thread.title}
              </Anchor>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  onClick={() => void remove(thread.id)}
                  aria-label={t('links.unlink', { title: thread.title })}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Group mt="md" gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('links.choose')}
            placeholder={t('links.placeholder')}
            data={options}
            value={choice}
            onChange={setChoice}
            searchable
            nothingFoundMessage={t('links.nothing')}
            style={{ flex: 1, minWidth: 0 }}
            size="xs"
          />
          <Button size="xs" onClick={() => void add()} loading={linking} disabled={!choice}>
            {t('links.link')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
