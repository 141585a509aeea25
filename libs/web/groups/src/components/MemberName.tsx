import { Text } from '@mantine/core';
import type { MembershipFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';

/** A member's name with their partner organisation beside it. */
export function MemberName({ membership, isViewer }: { membership: MembershipFieldsFragment; isViewer?: boolean }) {
  const { t } = useTranslation('groups');
  const { user } = membership;
  return (
    <div>
      <Text fw={600} size="sm" span dir="auto">
        {user.displayName}
      </Text>
      {isViewer && (
        <Text size="sm" c="dimmed" span>
          {' '}
          {t('group.you')}
        </Text>
      )}
      {user.organisation && (
        <Text size="xs" c="dimmed" dir="auto">
          {user.organisation.name}
        </Text>
      )}
    </div>
  );
}
