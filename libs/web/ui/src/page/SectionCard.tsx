import { Group, Paper, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled part of a page in its own box: a `section` named by its heading (`id`), with room beside
 * the heading for a button (`aside`).
 */
export function SectionCard({
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
