import { useMutation } from '@apollo/client/react';
import { SetThreadNotificationLevelDocument, type ThreadNotificationLevel } from '@convene/web-data-access';
import { LevelMenu, useLevelChoice } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

const LEVELS: ThreadNotificationLevel[] = ['WATCHING', 'NORMAL', 'MUTED'];

/** The discussion page's menu: how much the viewer hears of this discussion. */
export function ThreadNotificationMenu({ threadId, level }: { threadId: string; level: ThreadNotificationLevel }) {
  const { t } = useTranslation('discussions');
  const [setLevel, { loading }] = useMutation(SetThreadNotificationLevelDocument);
  const choose = useLevelChoice(
    (next: ThreadNotificationLevel) =>
      setLevel({
        variables: { threadId, level: next },
        optimisticResponse: {
          setThreadNotificationLevel: { __typename: 'Thread', id: threadId, notificationLevel: next },
        },
      }),
    (next) => t('levels.changed', { level: t(`levels.${next}.name`) }),
  );

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
    />
  );
}
