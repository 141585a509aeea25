import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { DiscussionGroupsDocument, MoveThreadDocument } from '@convene/web-data-access';
import { ErrorAlert, PageLoader, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface MoveThreadModalProps {
  thread: { id: string; group: { id: string; name: string } | null };
  opened: boolean;
  onClose: () => void;
}

/** Moves a discussion to another group the viewer convenes (and is an active member of). */
export function MoveThreadModal({ thread, opened, onClose }: MoveThreadModalProps) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const groups = useQuery(DiscussionGroupsDocument, { skip: !opened });
  const [chosen, setChosen] = useState('');
  const [move, { loading, error, reset }] = useMutation(MoveThreadDocument);
  const targets = (groups.data?.workingGroups ?? []).filter(
    (g) => g.viewerCanManage && g.viewerMembership?.status === 'ACTIVE' && g.id !== thread.group?.id,
  );
  const target = targets.find((g) => g.id === chosen) ?? targets[0];

  const close = () => {
    reset();
    setChosen('');
    onClose();
  };
  const confirm = async () => {
    if (!target) return;
    const from = thread.group?.id;
    try {
      await move({
        variables: { input: { threadId: thread.id, groupId: target.id } },
        // Both groups' lists change: they are fetched again when next shown.
        update: (cache) => {
          for (const id of [from, target.id])
            if (id) cache.evict({ id: cache.identify({ __typename: 'WorkingGroup', id }), fieldName: 'threads' });
          cache.gc();
        },
      });
      notify.success(t('moderation.moved', { group: target.name }));
      close();
    } catch {
      // shown by ErrorAlert
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('moderation.moveTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('thread.cancel') }}
    >
      <Stack gap="md">
        <ErrorAlert error={error ?? groups.error} />
        {groups.loading && <PageLoader />}
        {groups.data && targets.length === 0 && <Text size="sm">{t('moderation.noOtherGroup')}</Text>}
        {targets.length > 0 && (
          <NativeSelect
            label={t('moderation.moveTo')}
            description={t('moderation.moveHint', { group: thread.group?.name ?? '' })}
            value={target?.id ?? ''}
            onChange={(event) => setChosen(event.currentTarget.value)}
            data={targets.map((g) => ({ value: g.id, label: g.name }))}
            data-autofocus
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('thread.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={loading} disabled={!target}>
            {t('moderation.moveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
