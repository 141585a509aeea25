import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  MySessionsDocument,
  RevokeOtherSessionsDocument,
  RevokeSessionDocument,
  type MySessionsQuery,
} from '@convene/web-data-access';
import { PageError, PageLoader, useErrorMessage, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceName } from '../hooks/useDeviceName';
import { DeviceRow } from './DeviceRow';
import { useRelativeTime } from '../hooks/useRelativeTime';
import { relativeTime } from '../utils/relative-time.util';

type AccountSession = MySessionsQuery['mySessions'][number];

/** The sessions of one browser and system, the most recently active first. */
interface DeviceSessions {
  device: string;
  latest: AccountSession;
  sessions: AccountSession[];
}

/** Sessions of one browser and system beyond this many are shown together, to open on demand. */
const GROUP_FROM = 3;

/**
 * The devices where the viewer is signed in; any but this one can be signed out, all of them at
 * once first. Many sessions of the same browser and system (a phone signing in every day) are one
 * entry with their count and latest activity, opened to see and sign out each.
 */
export function SessionsSection() {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const deviceName = useDeviceName();
  const sessions = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revokeOthers, revokingOthers] = useMutation(RevokeOtherSessionsDocument, {
    refetchQueries: [MySessionsDocument],
  });

  if (sessions.loading && !sessions.data) return <PageLoader />;
  if (!sessions.data) return <PageError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  // This device first, then the most recently active.
  const list = [...sessions.data.mySessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  const others = list.filter((session) => !session.current).length;
  const entries: (AccountSession | DeviceSessions)[] = [];
  const byDevice = new Map<string, DeviceSessions>();
  for (const session of list) {
    if (session.current) {
      entries.push(session);
      continue;
    }
    const device = deviceName(session.userAgent);
    const same = byDevice.get(device);
    if (same) same.sessions.push(session);
    else {
      const group = { device, latest: session, sessions: [session] };
      byDevice.set(device, group);
      entries.push(group);
    }
  }

  const signOutOthers = () =>
    void revokeOthers()
      .then(({ data }) =>
        notify.success(t('security.sessions.othersSignedOut', { count: data?.revokeOtherSessions ?? 0 })),
      )
      .catch((error: unknown) => notify.error(errorMessage(error)));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('security.sessions.intro')}
      </Text>
      {others > 0 ? (
        <Group>
          <Button variant="default" color="red" onClick={signOutOthers} loading={revokingOthers.loading}>
            {t('security.sessions.signOutOthersCount', { count: others })}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t('security.sessions.onlyThisDevice')}</Text>
      )}
      <Stack
        component="ul"
        gap="sm"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('security.sessions.listLabel')}
      >
        {entries.map((entry) =>
          !('sessions' in entry) ? (
            <SessionItem key={entry.id} session={entry} />
          ) : entry.sessions.length < GROUP_FROM ? (
            entry.sessions.map((session) => <SessionItem key={session.id} session={session} />)
          ) : (
            <DeviceGroup key={entry.device} group={entry} />
          ),
        )}
      </Stack>
    </Stack>
  );
}

/** Several sessions of one browser and system: their count and latest activity, opened to list them. */
function DeviceGroup({ group: { device, latest, sessions } }: { group: DeviceSessions }) {
  const { t } = useTranslation('account');
  const relative = useRelativeTime();
  const [opened, setOpened] = useState(false);
  const listId = useId();
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fw={600} size="sm">
            {device}
          </Text>
          <Text size="xs" c="dimmed">
            {t('security.sessions.groupCount', { count: sessions.length })}
            {' · '}
            {t('security.sessions.lastActive', { time: relative(latest.lastSeenAt) })}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          aria-controls={listId}
          style={{ flexShrink: 0 }}
        >
          {opened ? t('security.sessions.hideGroup') : t('security.sessions.showGroup')}
        </Button>
      </Group>
      <Stack
        component="ul"
        id={listId}
        hidden={!opened}
        gap="xs"
        mt="sm"
        mb={0}
        mx={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={device}
      >
        {opened && sessions.map((session) => <SessionItem key={session.id} session={session} />)}
      </Stack>
    </Paper>
  );
}

function SessionItem({ session }: { session: AccountSession }) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const deviceName = useDeviceName();
  const relative = useRelativeTime();
  const formatDateTime = useFormatDateTime();
  const [revoke] = useMutation(RevokeSessionDocument, { refetchQueries: [MySessionsDocument] });
  const device = deviceName(session.userAgent);
  // The server notes activity about once a minute, so anything closer reads as "just now".
  const activity = session.current
    ? t('security.sessions.activeNow')
    : relativeTime(session.lastSeenAt, Date.now()).value === 0
      ? t('security.sessions.activeJustNow')
      : t('security.sessions.lastActive', { time: relative(session.lastSeenAt) });

  return (
    <DeviceRow
      name={device}
      userAgent={session.userAgent}
      current={session.current}
      details={
        <>
          {activity}
          {' · '}
          {t('security.sessions.signedIn', { date: formatDateTime(session.createdAt) })}
        </>
      }
      action={
        session.current
          ? undefined
          : {
              label: t('security.sessions.signOut'),
              ariaLabel: t('security.sessions.signOutLabel', { device, activity }),
              run: async () => {
                await revoke({ variables: { id: session.id } });
                notify.success(t('security.sessions.signedOut', { device }));
              },
            }
      }
    />
  );
}
