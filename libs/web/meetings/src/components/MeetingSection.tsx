import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled box of the meeting page, with room beside its title for a button. */
export function MeetingSection({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" radius="md">
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}
