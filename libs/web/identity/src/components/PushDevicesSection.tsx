import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  MyPushDevicesDocument,
  PushPublicKeyDocument,
  RegisterPushDeviceDocument,
  RemovePushDeviceDocument,
  currentPushSubscription,
  pushSupport,
  subscribeThisDevice,
  type MyPushDevicesQuery,
} from '@convene/web-data-access';
import { PageError, PageLoader, useErrorMessage, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceName } from '../hooks/useDeviceName';

type PushDevice = MyPushDevicesQuery['myPushDevices'][number];
type Problem = 'denied' | 'unsupported' | 'noWorker' | 'failed' | null;

/**
 * The devices that show the person's notifications: this one turned on here (the browser asks
 * permission, subscribes through the service worker and the subscription is registered), any of
 * them removed. A browser that blocks notifications or cannot show them says so.
 */
export function PushDevicesSection() {
  const { t } = useTranslation('identity');
  const notify = useNotify();
  const client = useApolloClient();
  const devices = useQuery(MyPushDevicesDocument, { fetchPolicy: 'cache-and-network' });
  const [register] = useMutation(RegisterPushDeviceDocument, { refetchQueries: [MyPushDevicesDocument] });
  const deviceName = useDeviceName();
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(() =>
    pushSupport() === 'unsupported'
      ? 'unsupported'
      : typeof Notification !== 'undefined' && Notification.permission === 'denied'
        ? 'denied'
        : null,
  );

  useEffect(() => {
    let live = true;
    void currentPushSubscription().then((subscription) => live && setEndpoint(subscription?.endpoint ?? null));
    return () => {
      live = false;
    };
  }, []);

  if (devices.loading && !devices.data) return <PageLoader />;
  if (!devices.data) return <PageError error={devices.error} onRetry={() => void devices.refetch()} />;
  const list = devices.data.myPushDevices;
  const thisDeviceOn = !!endpoint && list.some((device) => device.endpoint === endpoint);

  const turnOn = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { data } = await client.query({ query: PushPublicKeyDocument });
      if (!data) throw new Error('no public key');
      const outcome = await subscribeThisDevice(data.pushPublicKey);
      if (outcome.kind !== 'subscribed') {
        setProblem(outcome.kind === 'no-worker' ? 'noWorker' : outcome.kind);
        return;
      }
      const { endpoint: subscribed, keys } = outcome.subscription;
      if (!subscribed || !keys?.['p256dh'] || !keys['auth']) throw new Error('incomplete subscription');
      await register({
        variables: {
          input: {
            endpoint: subscribed,
            keys: { p256dh: keys['p256dh'], auth: keys['auth'] },
            label: deviceName(navigator.userAgent),
          },
        },
      });
      setEndpoint(subscribed);
      notify.success(t('security.push.turnedOn'));
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('security.push.intro')}
      </Text>
      {problem ? (
        <Alert color={problem === 'failed' ? 'red' : 'yellow'} role={problem === 'failed' ? 'alert' : 'status'}>
          {t(`security.push.${problem}`)}
        </Alert>
      ) : null}
      {thisDeviceOn ? (
        <Text size="sm">{t('security.push.thisDeviceOn')}</Text>
      ) : problem !== 'unsupported' && problem !== 'denied' ? (
        <Group>
          <Button onClick={() => void turnOn()} loading={busy}>
            {t('security.push.turnOn')}
          </Button>
        </Group>
      ) : null}
      {list.length === 0 ? (
        <Text size="sm">{t('security.push.none')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('security.push.listLabel')}
        >
          {list.map((device) => (
            <DeviceItem key={device.id} device={device} current={device.endpoint === endpoint} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function DeviceItem({ device, current }: { device: PushDevice; current: boolean }) {
  const { t } = useTranslation('identity');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const deviceName = useDeviceName();
  const formatDateTime = useFormatDateTime();
  const [remove] = useMutation(RemovePushDeviceDocument, { refetchQueries: [MyPushDevicesDocument] });
  const [removing, setRemoving] = useState(false);
  const name = device.label ?? deviceName(device.userAgent);

  const stop = () => {
    setRemoving(true);
    void remove({ variables: { id: device.id } })
      .then(async () => {
        // This browser's own subscription ends too, so it stops asking the push service.
        if (current) await (await currentPushSubscription())?.unsubscribe().catch(() => false);
        notify.success(t('security.push.removed', { device: name }));
      })
      .catch((error: unknown) => {
        setRemoving(false);
        notify.error(errorMessage(error));
      });
  };

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600} size="sm" dir="auto" title={device.userAgent ?? undefined}>
              {name}
            </Text>
            {current && (
              <Badge color="teal" variant="light" c="gray.9" tt="none" size="sm">
                {t('security.sessions.thisDevice')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('security.push.added', { date: formatDateTime(device.createdAt) })}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="light"
          color="red"
          loading={removing}
          onClick={stop}
          style={{ flexShrink: 0 }}
          aria-label={t('security.push.removeLabel', { device: name })}
        >
          {t('security.push.remove')}
        </Button>
      </Group>
    </Paper>
  );
}
