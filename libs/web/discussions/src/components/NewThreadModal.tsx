import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { CreateThreadDocument, GroupThreadsDocument } from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  paths,
  useCharacterLimit,
  useNotify,
  useValidators,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTags, ThreadTagsInput, ThreadTitleInput } from './ThreadTitleFields';
import { useNavigate } from 'react-router';
import { MentionTextarea } from './MentionTextarea';
import { PostPreview } from './PostPreview';

interface Values {
  title: string;
  body: string;
  tags: string;
}

/** Starting a discussion: title, opening post in Markdown (with @mentions), optional tags. */
export function NewThreadModal({
  groupId,
  slug,
  opened,
  onClose,
}: {
  groupId: string;
  slug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const navigate = useNavigate();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateThreadDocument, {
    // The list as it is shown (its page size is the list's own), when it is shown.
    refetchQueries: [GroupThreadsDocument],
  });
  // Controlled: the mention autocomplete writes into the body as it is typed.
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { title: '', body: '', tags: '' },
    validate: {
      title: validators.all(validators.required, validators.maxLength(LIMITS.threadTitleMax)),
      body: validators.all(validators.required, validators.maxLength(LIMITS.postBodyMax)),
    },
  });

  const bodyLimit = useCharacterLimit(form.values.body.length, LIMITS.postBodyMax, {
    error: form.errors['body'],
    description: t('form.bodyHint'),
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const tags = readTags(values.tags);
      const { data } = await create({
        variables: { input: { groupId, title: values.title.trim(), body: values.body, tags } },
      });
      notify.success(t('form.started'));
      form.reset();
      onClose();
      if (data) void navigate(paths.thread(data.createThread.id));
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      // A message about the body (a mention of someone outside the group) shows under it.
      if (placed) setPreviewing(null);
      else setFailure(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('list.start')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <ThreadTitleInput {...form.getInputProps('title')} />
          <MentionTextarea
            label={t('form.body')}
            required
            autosize
            minRows={6}
            dir="auto"
            groupSlug={slug}
            {...form.getInputProps('body')}
            {...bodyLimit}
            value={form.values.body}
            onChange={(value) => form.setFieldValue('body', value)}
            style={previewing === null ? undefined : { display: 'none' }}
          />
          {previewing !== null && <PostPreview body={previewing} groupId={groupId} />}
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setPreviewing(previewing === null ? form.values.body : null)}
          >
            {previewing === null ? t('preview.show') : t('preview.hide')}
          </Button>
          <ThreadTagsInput {...form.getInputProps('tags')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
