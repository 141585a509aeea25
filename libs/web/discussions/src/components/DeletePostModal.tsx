import { useMutation } from '@apollo/client/react';
import { DeletePostDocument, type PostFieldsFragment } from '@convene/web-data-access';
import { ConfirmModal, useNotify } from '@convene/web-ui';
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
      // shown in the modal
    }
  };

  return (
    <ConfirmModal
      opened={post !== null}
      onClose={close}
      title={t('thread.deleteTitle')}
      body={t('thread.deleteBody')}
      keepLabel={t('thread.cancel')}
      confirmLabel={t('thread.deleteConfirm')}
      loading={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  );
}
