import { Paper, Stack, Text } from '@mantine/core';
import { PageTitle } from '@convene/web-ui';
import type { ReactNode } from 'react';

export interface AuthCardProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The narrow, centred card used by the sign-in and sign-up pages. */
export function AuthCard({ title, intro, children, footer }: AuthCardProps) {
  return (
    <Stack maw={440} mx="auto" mt={{ base: 'md', sm: 'xl' }} gap="md">
      <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
        <PageTitle size="h2" mb="xs">
          {title}
        </PageTitle>
        {intro && (
          <Text c="dimmed" size="sm" mb="lg">
            {intro}
          </Text>
        )}
        {children}
      </Paper>
      {footer && (
        <Text ta="center" size="sm">
          {footer}
        </Text>
      )}
    </Stack>
  );
}
