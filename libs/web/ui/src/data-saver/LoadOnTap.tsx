import { Button, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileSize } from '../format/useFileSize';
import { useDataSaver } from './useDataSaver';

export interface LoadOnTapProps {
  /** What loading costs, in bytes (shown on the button). */
  size: number;
  /** What is shown once loaded; it is not rendered, so nothing is fetched, before the tap. */
  children: ReactNode;
}

/**
 * A large picture or file shown in place, or (with data saver on) a button that says what it
 * weighs and loads it when tapped.
 */
export function LoadOnTap({ size, children }: LoadOnTapProps) {
  const { t } = useTranslation('ui');
  const { on } = useDataSaver();
  const fileSize = useFileSize();
  const [tapped, setTapped] = useState(false);
  if (!on || tapped) return <>{children}</>;
  return (
    <Stack align="center" gap="xs" py="xl" className="convene-load-on-tap">
      <Button variant="light" size="md" onClick={() => setTapped(true)}>
        {t('dataSaver.tapToLoad', { size: fileSize(size) })}
      </Button>
      <Text size="sm" c="gray.7" ta="center">
        {t('dataSaver.waitingForTap')}
      </Text>
    </Stack>
  );
}
