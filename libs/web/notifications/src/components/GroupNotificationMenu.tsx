import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { GroupNotificationLevelDocument, SetGroupNotificationLevelDocument, type GroupNotificationLevel } from '@convene/web-data-access';
import { BellIcon, useErrorMessage, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const LEVELS: GroupNotificationLevel[] = ['ALL', 'INVOLVING_ME', 'MUTED'];

/** The group page's menu: how much the viewer hears from this group. */
export function GroupNotificationMenu({ slug, groupId }: { slug: string; groupId: string }) {
  const { t } = useTranslation('notifications');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const { data } = useQuery(GroupNotificationLevelDocument, { variables: { slug } });
  const [setLevel, { loading }] = useMutation(SetGroupNotificationLevelDocument);
  const level = data?.workingGroup.notificationLevel;
  if (!level) return null;

  const choose = async (next: GroupNotificationLevel) => {
    try {
      await setLevel({
        variables: { groupId, level: next },
        optimisticResponse: { setGroupNotificationLevel: next },
        update: (cache) => cache.writeQuery({ query: GroupNotificationLevelDocument, variables: { slug }, data: { workingGroup: { __typename: 'WorkingGroup', id: groupId, notificationLevel: next } } }),
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
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/notifications">
          {t('settings.link')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
