import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { DeletePostDocument, type PostFieldsFragment } from '@convene/web-data-access';
import { ErrorAlert, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

/** Asks before the viewer deletes their own post: its text and history go, its replies stay. */
export function DeletePostModal({ post, onClose }: { post: PostFieldsFragment | null; onClose: () => void }) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const [remove, { loading, error, reset }] = useMutation(DeletePostDocument);
  const close = () => {
    reset();
    onClose();
  };
  const confirm = async () => {
    if (!post) return;
    try {
      await remove({ variables: { postId: post.id } });
      notify.success(t('thread.deletedToast'));
      close();
    } catch {
      // shown by ErrorAlert
    }
  };

  return (
    <Modal opened={post !== null} onClose={close} title={t('thread.deleteTitle')} centered closeButtonProps={{ 'aria-label': t('thread.cancel') }}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm">{t('thread.deleteBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('thread.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={loading}>
            {t('thread.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
