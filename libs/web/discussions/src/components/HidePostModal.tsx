import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { HidePostDocument, type PostFieldsFragment } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, LimitedTextarea, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A convenor hides a post, saying why: members see the reason in its place, and its author is told. */
export function HidePostModal({ post, onClose }: { post: PostFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [hide, { loading }] = useMutation(HidePostDocument);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: { reason: validators.all(validators.required, validators.maxLength(LIMITS.moderationReasonMax)) },
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const handleSubmit = form.onSubmit(async ({ reason }) => {
    if (!post) return;
    setFailure(null);
    try {
      await hide({ variables: { input: { postId: post.id, reason: reason.trim() } } });
      notify.success(t('moderation.hidden'));
      close();
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });

  return (
    <Modal
      opened={post !== null}
      onClose={close}
      title={t('moderation.hideTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('thread.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <Text size="sm">
            {t('moderation.hideIntro', { author: post?.author?.displayName ?? t('thread.someone') })}
          </Text>
          <LimitedTextarea
            label={t('moderation.reason')}
            description={t('moderation.reasonHint')}
            required
            autosize
            minRows={2}
            limit={LIMITS.moderationReasonMax}
            dir="auto"
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('thread.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('moderation.hideConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
