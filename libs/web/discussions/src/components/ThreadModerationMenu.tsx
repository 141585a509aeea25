import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@apollo/client/react';
import { LockThreadDocument, PinThreadDocument } from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { MoveThreadModal } from './MoveThreadModal';

export interface ThreadModerationMenuProps {
  thread: { id: string; pinned: boolean; locked: boolean; group: { id: string; name: string } | null };
}

/** Convenors: pin or unpin, lock or unlock, and move the discussion to another group they convene. */
export function ThreadModerationMenu({ thread }: ThreadModerationMenuProps) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [moving, move] = useDisclosure(false);
  const [pin, pinning] = useMutation(PinThreadDocument);
  const [lock, locking] = useMutation(LockThreadDocument);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notify.success(done);
    } catch (error) {
      notify.error(errorMessage(error));
    }
  };
  const togglePin = () =>
    run(
      () => pin({ variables: { threadId: thread.id, pinned: !thread.pinned } }),
      thread.pinned ? t('moderation.unpinned') : t('moderation.pinnedToast'),
    );
  const toggleLock = () =>
    run(
      () => lock({ variables: { threadId: thread.id, locked: !thread.locked } }),
      thread.locked ? t('moderation.unlocked') : t('moderation.lockedToast'),
    );

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={pinning.loading || locking.loading}>
            {t('moderation.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('moderation.menuTitle')}</Menu.Label>
          <Menu.Item onClick={() => void togglePin()}>
            {thread.pinned ? t('moderation.unpin') : t('moderation.pin')}
          </Menu.Item>
          <Menu.Item onClick={() => void toggleLock()}>
            {thread.locked ? t('moderation.unlock') : t('moderation.lock')}
          </Menu.Item>
          <Menu.Item onClick={move.open}>{t('moderation.move')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <MoveThreadModal thread={thread} opened={moving} onClose={move.close} />
    </>
  );
}
