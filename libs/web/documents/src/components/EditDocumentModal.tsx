import { Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { UpdateDocumentDocument, type DocumentPageFieldsFragment } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Renaming, describing and tagging a document. */
export function EditDocumentModal({
  document,
  opened,
  onClose,
}: {
  document: DocumentPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [update, { loading }] = useMutation(UpdateDocumentDocument);
  const form = useForm({
    initialValues: { title: document.title, description: document.description, tags: document.tags },
    validate: { title: validators.required },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await update({
        variables: {
          input: { id: document.id, title: values.title.trim(), description: values.description, tags: values.tags },
        },
      });
      notify.success(t('edit.saved'));
      onClose();
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('edit.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('edit.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput label={t('edit.name')} required data-autofocus dir="auto" {...form.getInputProps('title')} />
          <Textarea
            label={t('edit.description')}
            autosize
            minRows={3}
            maxRows={10}
            dir="auto"
            {...form.getInputProps('description')}
          />
          <TagsInput
            label={t('edit.tags')}
            description={t('edit.tagsHint')}
            dir="auto"
            {...form.getInputProps('tags')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('edit.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
