import { Button, Group } from '@mantine/core';
import type { MembershipPageFieldsFragment } from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useState } from 'react';

export interface ShowMoreButtonProps {
  page: MembershipPageFieldsFragment;
  label: string;
  /** Loads the page after `after`. */
  onMore: (after: string) => Promise<unknown>;
}

/** Under a list with another page: loads it, and says so when that fails. */
export function ShowMoreButton({ page, label, onMore }: ShowMoreButtonProps) {
  const notify = useNotify();
  const describeError = useErrorMessage();
  const [loading, setLoading] = useState(false);
  const after = page.endCursor;
  if (!page.hasNextPage || !after) return null;

  const more = async () => {
    setLoading(true);
    try {
      await onMore(after);
    } catch (error) {
      notify.error(describeError(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Group justify="center" mt="md">
      <Button variant="default" loading={loading} onClick={() => void more()}>
        {label}
      </Button>
    </Group>
  );
}
