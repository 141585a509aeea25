import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DocumentTypeSettingsDocument,
  UpdateDocumentSettingsDocument,
  type DocumentKind,
} from '@convene/web-data-access';
import { ErrorAlert, PageError, PageLoader, useFileSize, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Network admins choose which file types members may share (detected from the bytes). */
export function DocumentTypesForm() {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const fileSize = useFileSize();
  const settings = useQuery(DocumentTypeSettingsDocument);
  const [update, { loading }] = useMutation(UpdateDocumentSettingsDocument);
  const [choice, setChoice] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  if (settings.loading && !settings.data) return <PageLoader />;
  if (!settings.data) return <PageError error={settings.error} onRetry={() => void settings.refetch()} />;
  const { allowedTypes, knownTypes, maxBytes } = settings.data.documentSettings;
  const selected = choice ?? allowedTypes;
  const kinds = [...new Set(knownTypes.map((type) => type.kind))] as DocumentKind[];
  const changed = selected.length !== allowedTypes.length || selected.some((type) => !allowedTypes.includes(type));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await update({ variables: { types: selected }, refetchQueries: [DocumentTypeSettingsDocument] });
      setChoice(null);
      notify.success(t('types.saved'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form onSubmit={save}>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Text size="sm" c="gray.8">
          {t('types.intro', { max: fileSize(maxBytes) })}
        </Text>
        <Checkbox.Group label={t('types.label')} value={selected} onChange={setChoice}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
            {kinds.map((kind) => (
              <Stack key={kind} gap={6}>
                <Text size="sm" fw={600}>
                  {t(`kinds.${kind}`)}
                </Text>
                {knownTypes
                  .filter((type) => type.kind === kind)
                  .map((type) => (
                    <Checkbox
                      key={type.mime}
                      value={type.mime}
                      label={type.label}
                      description={type.mime}
                      styles={{ description: { overflowWrap: 'anywhere' } }}
                    />
                  ))}
              </Stack>
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={loading} disabled={!changed || selected.length === 0}>
            {t('types.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
