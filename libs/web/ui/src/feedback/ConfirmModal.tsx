import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../page/ErrorAlert';

export interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What happens if they confirm, in a sentence or two. */
  body: ReactNode;
  /** The button that changes nothing (it also labels the close button). */
  keepLabel: string;
  confirmLabel: string;
  /** Red for what can't be undone (the default); the theme's colour for a choice that can. */
  confirmColor?: 'red' | 'default';
  loading?: boolean;
  /** The last attempt's error, shown above the text. */
  error?: unknown;
  /** Says what the error means here, instead of the generic sentence for its code. */
  errorMessage?: string | null;
  onConfirm: () => void;
}

/** "Are you sure?" for an action that can't be undone: keep (the default) or confirm, in red. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  body,
  keepLabel,
  confirmLabel,
  confirmColor = 'red',
  loading,
  error,
  errorMessage,
  onConfirm,
}: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': keepLabel }}>
      <ErrorAlert error={error} message={error ? errorMessage : null} />
      <Stack gap="md">
        <Text size="sm" component="div">
          {body}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {keepLabel}
          </Button>
          <Button color={confirmColor === 'red' ? 'red' : undefined} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
