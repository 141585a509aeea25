import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { CreateDocumentFolderDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Creating a folder inside the one being shown (or at the top level). */
export function NewFolderModal({
  groupId,
  parentId,
  opened,
  onClose,
  onCreated,
}: {
  groupId: string;
  parentId: string | null;
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [create, { loading }] = useMutation(CreateDocumentFolderDocument);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : t('folder.required')) },
  });

  const handleSubmit = form.onSubmit(async ({ name }) => {
    setFailure(null);
    try {
      await create({ variables: { input: { groupId, name: name.trim(), parentId } } });
      notify.success(t('folder.created', { name: name.trim() }));
      form.reset();
      onCreated();
      onClose();
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('folder.title')}
      centered
      closeButtonProps={{ 'aria-label': t('folder.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('folder.name')}
            required
            data-autofocus
            dir="auto"
            maxLength={120}
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('folder.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('folder.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
