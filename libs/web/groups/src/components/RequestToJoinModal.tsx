import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RequestToJoinModalProps {
  groupName: string;
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (message: string | null) => void;
}

export function RequestToJoinModal({ groupName, opened, busy, onClose, onSubmit }: RequestToJoinModalProps) {
  const { t } = useTranslation('groups');
  const [message, setMessage] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('requestModal.title', { group: groupName })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(message.trim() || null);
        }}
      >
        <Stack gap="md">
          <Textarea
            label={t('requestModal.message')}
            description={t('requestModal.messageHint')}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            maxLength={LIMITS.joinMessageMax}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('actions.sendRequest')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
