import { Group, Paper, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a pitch page. */
export function PitchSection({
  id,
  title,
  aside,
  children,
  className,
  ...paper
}: { id: string; title: string; aside?: ReactNode; children: ReactNode; className?: string } & PaperProps) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" radius="md" className={className} {...paper}>
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
