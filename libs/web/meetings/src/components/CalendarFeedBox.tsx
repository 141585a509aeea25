import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { CalendarFeedDocument, ResetCalendarFeedDocument, RevokeCalendarFeedDocument } from '@convene/web-data-access';
import { ConfirmModal, ErrorAlert, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The personal calendar feed: make, remake or turn off the secret address; it is shown only when made. */
export function CalendarFeedBox({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation('calendarFeed');
  const notify = useNotify();
  const formatDateTime = useFormatDateTime(timeZone);
  const { data, refetch } = useQuery(CalendarFeedDocument, { fetchPolicy: 'cache-and-network' });
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'reset' | 'revoke' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reset, resetting] = useMutation(ResetCalendarFeedDocument);
  const [revoke, revoking] = useMutation(RevokeCalendarFeedDocument);
  const feed = data?.calendarFeed;
  const active = feed?.active ?? false;

  const doReset = () => {
    setFailure(null);
    reset()
      .then(({ data: answer }) => {
        setShownUrl(answer?.resetCalendarFeed.url ?? null);
        setConfirming(null);
        notify.success(t('created'));
        void refetch();
      })
      .catch(setFailure);
  };
  const doRevoke = () => {
    setFailure(null);
    revoke()
      .then(() => {
        setShownUrl(null);
        setConfirming(null);
        notify.success(t('revoked'));
        void refetch();
      })
      .catch(setFailure);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {t('intro')}
      </Text>
      <ErrorAlert error={failure} />
      {shownUrl ? (
        <Stack gap="xs">
          <Alert
            classNames={{ title: 'convene-alert-title' }}
            color="yellow"
            variant="light"
            title={t('secretTitle')}
            c="gray.9"
          >
            {t('secret')}
          </Alert>
          <TextInput
            label={t('urlLabel')}
            value={shownUrl}
            readOnly
            dir="ltr"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={shownUrl}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                style={{ alignSelf: 'flex-start' }}
              >
                {copied ? t('copied') : t('copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : (
        feed && (
          <Text size="sm" c="gray.7" aria-live="polite">
            {active && feed.createdAt ? t('on', { date: formatDateTime(feed.createdAt) }) : t('off')}
            {active
              ? ` ${feed.lastUsedAt ? t('lastUsed', { date: formatDateTime(feed.lastUsedAt) }) : t('neverUsed')}`
              : ''}
          </Text>
        )
      )}
      <Group gap="xs">
        {active ? (
          <>
            <Button variant="default" size="sm" onClick={() => setConfirming('reset')}>
              {t('reset')}
            </Button>
            <Button variant="subtle" color="red" size="sm" onClick={() => setConfirming('revoke')}>
              {t('revoke')}
            </Button>
          </>
        ) : (
          <Button size="sm" onClick={doReset} loading={resetting.loading}>
            {t('create')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'reset' ? t('reset') : t('revoke')}
        body={confirming === 'reset' ? t('confirmReset') : t('confirmRevoke')}
        keepLabel={t('cancel')}
        confirmLabel={t('confirm')}
        confirmColor={confirming === 'revoke' ? 'red' : 'default'}
        loading={resetting.loading || revoking.loading}
        onConfirm={confirming === 'reset' ? doReset : doRevoke}
      />
    </Stack>
  );
}
