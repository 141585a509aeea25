import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { ThreadRevisionsDocument, UpdateThreadDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTags, ThreadTagsInput, ThreadTitleInput } from './ThreadTitleFields';

interface Values {
  title: string;
  tags: string;
}

/**
 * Its author (while it is open) or a convenor changes a discussion's title and tags; the old ones
 * stay in its history. Shown only while open, so it starts from what the discussion says then.
 */
export function EditThreadModal({
  thread,
  opened,
  onClose,
}: {
  thread: { id: string; title: string; tags: string[] };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [update, { loading }] = useMutation(UpdateThreadDocument, {
    refetchQueries: [ThreadRevisionsDocument],
  });
  const form = useForm<Values>({
    initialValues: { title: thread.title, tags: thread.tags.join(', ') },
    validate: { title: validators.all(validators.required, validators.maxLength(LIMITS.threadTitleMax)) },
  });
  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const tags = readTags(values.tags);
      await update({ variables: { input: { threadId: thread.id, title: values.title.trim(), tags } } });
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
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <ThreadTitleInput {...form.getInputProps('title')} />
          <ThreadTagsInput {...form.getInputProps('tags')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
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
