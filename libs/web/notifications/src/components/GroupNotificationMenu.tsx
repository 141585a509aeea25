import { Menu } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  GroupNotificationLevelDocument,
  SetGroupNotificationLevelDocument,
  type GroupNotificationLevel,
} from '@convene/web-data-access';
import { LevelMenu, paths, useLevelChoice } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const LEVELS: GroupNotificationLevel[] = ['ALL', 'INVOLVING_ME', 'MUTED'];

/** The group page's menu: how much the viewer hears from this group. */
export function GroupNotificationMenu({ slug, groupId }: { slug: string; groupId: string }) {
  const { t } = useTranslation('notifications');
  const { data } = useQuery(GroupNotificationLevelDocument, { variables: { slug } });
  const [setLevel, { loading }] = useMutation(SetGroupNotificationLevelDocument);
  const choose = useLevelChoice(
    (next: GroupNotificationLevel) =>
      setLevel({
        variables: { groupId, level: next },
        optimisticResponse: { setGroupNotificationLevel: next },
        update: (cache) =>
          cache.writeQuery({
            query: GroupNotificationLevelDocument,
            variables: { slug },
            data: { workingGroup: { __typename: 'WorkingGroup', id: groupId, notificationLevel: next } },
          }),
      }),
    (next) => t('levels.changed', { level: t(`levels.${next}.name`) }),
  );
  const level = data?.workingGroup.notificationLevel;
  if (!level) return null;

  return (
    <LevelMenu
      level={level}
      options={LEVELS.map((value) => ({
        value,
        name: t(`levels.${value}.name`),
        description: t(`levels.${value}.description`),
      }))}
      title={t('levels.menuTitle')}
      label={t('levels.menuLabel', { level: t(`levels.${level}.name`) })}
      loading={loading}
      onChoose={choose}
      footer={
        <>
          <Menu.Divider />
          <Menu.Item component={Link} to={paths.notificationSettings()}>
            {t('settings.link')}
          </Menu.Item>
        </>
      }
    />
  );
}
