import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { NotificationCategory } from '@convene/shared-contracts';
import { UnsubscribeDocument } from '@convene/web-data-access';
import { ErrorAlert, PageTitle, paths } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

/**
 * Where an email's unsubscribe link leads. It asks before stopping anything: link scanners in mail
 * systems open links, and must not unsubscribe people. Mail programs use one-click POST instead.
 */
export function UnsubscribePage() {
  const { t } = useTranslation('notifications');
  const { token = '' } = useParams<{ token: string }>();
  const [unsubscribe, { data, loading, error }] = useMutation(UnsubscribeDocument);
  const category = token.split('.')[1] ?? '';
  const known = category === 'DIGEST' || (Object.values(NotificationCategory) as string[]).includes(category);
  const what = known
    ? t(`unsubscribe.what.${category as NotificationCategory | 'DIGEST'}`)
    : t('unsubscribe.what.unknown');

  return (
    <Stack maw={560} mx="auto" gap="md">
      <PageTitle>{t('unsubscribe.title')}</PageTitle>
      <Paper withBorder p="lg">
        {data ? (
          <Alert color="teal" title={t('unsubscribe.doneTitle')} role="status">
            <Text size="sm">{t('unsubscribe.done', { what })}</Text>
          </Alert>
        ) : (
          <Stack gap="md">
            <Text>{t('unsubscribe.question', { what })}</Text>
            <Text size="sm" c="gray.7">
              {t('unsubscribe.inAppStays')}
            </Text>
            <ErrorAlert error={error} />
            <Button
              onClick={() => void unsubscribe({ variables: { token } }).catch(() => undefined)}
              loading={loading}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('unsubscribe.confirm')}
            </Button>
          </Stack>
        )}
        <Text size="sm" mt="md">
          <Anchor component={Link} to={paths.notificationSettings()}>
            {t('unsubscribe.allSettings')}
          </Anchor>
        </Text>
      </Paper>
    </Stack>
  );
}
