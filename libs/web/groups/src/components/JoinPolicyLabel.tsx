import { Text } from '@mantine/core';
import type { JoinPolicy } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';

export function JoinPolicyLabel({ policy }: { policy: JoinPolicy }) {
  const { t } = useTranslation('groups');
  return (
    <Text size="sm" c="dimmed" span>
      {t(`joinPolicies.${policy}`)}
    </Text>
  );
}
