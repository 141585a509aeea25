import { Button, Menu, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { SetThreadNotificationLevelDocument, type ThreadNotificationLevel } from '@convene/web-data-access';
import { BellIcon, useErrorMessage, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

const LEVELS: ThreadNotificationLevel[] = ['WATCHING', 'NORMAL', 'MUTED'];

/** The discussion page's menu: how much the viewer hears of this discussion. */
export function ThreadNotificationMenu({ threadId, level }: { threadId: string; level: ThreadNotificationLevel }) {
  const { t } = useTranslation('discussions');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [setLevel, { loading }] = useMutation(SetThreadNotificationLevelDocument);

  const choose = async (next: ThreadNotificationLevel) => {
    try {
      await setLevel({
        variables: { threadId, level: next },
        optimisticResponse: { setThreadNotificationLevel: { __typename: 'Thread', id: threadId, notificationLevel: next } },
      });
      notify.success(t('levels.changed', { level: t(`levels.${next}.name`) }));
    } catch (error) {
      notify.error(errorMessage(error));
    }
  };

  return (
    <Menu position="bottom-end" width={300} withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<BellIcon size={16} />} loading={loading} aria-label={t('levels.menuLabel', { level: t(`levels.${level}.name`) })}>
          {t(`levels.${level}.name`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('levels.menuTitle')}</Menu.Label>
        {LEVELS.map((option) => (
          <Menu.Item key={option} onClick={() => void choose(option)} aria-current={option === level ? 'true' : undefined} fw={option === level ? 700 : undefined}>
            <Text size="sm" fw="inherit">
              {option === level ? '✓ ' : ''}
              {t(`levels.${option}.name`)}
            </Text>
            <Text size="xs" c="gray.7">
              {t(`levels.${option}.description`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
