import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a row's button does: `run` ends the session or removes the device, and says so itself. */
export interface DeviceRowAction {
  label: string;
  /** The button's accessible name, naming the device. */
  ariaLabel: string;
  run: () => Promise<unknown>;
}

/**
 * One of the person's devices on the Security page (a signed-in session, a device that shows
 * notifications): its name, "This device" for this one, a line of details, and a red button that
 * ends it, busy while it works and ready again, with the error said, if it fails.
 */
export function DeviceRow({
  name,
  userAgent,
  current,
  details,
  action,
}: {
  name: string;
  userAgent: string | null | undefined;
  current: boolean;
  details: ReactNode;
  action?: DeviceRowAction;
}) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);

  const act = () => {
    if (!action) return;
    setBusy(true);
    void action.run().catch((error: unknown) => {
      setBusy(false);
      notify.error(errorMessage(error));
    });
  };

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600} size="sm" dir="auto" title={userAgent ?? undefined}>
              {name}
            </Text>
            {current && (
              <Badge color="teal" variant="light" c="gray.9" tt="none" size="sm">
                {t('security.sessions.thisDevice')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {details}
          </Text>
        </Stack>
        {action && (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={busy}
            onClick={act}
            style={{ flexShrink: 0 }}
            aria-label={action.ariaLabel}
          >
            {action.label}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
