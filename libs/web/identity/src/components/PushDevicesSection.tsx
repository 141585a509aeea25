import { Alert, Button, Group, Stack, Text } from '@mantine/core';
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
import { PageError, PageLoader, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceName } from '../hooks/useDeviceName';
import { DeviceRow } from './DeviceRow';

type PushDevice = MyPushDevicesQuery['myPushDevices'][number];
type Problem = 'denied' | 'unsupported' | 'noWorker' | 'failed' | null;

/**
 * The devices that show the person's notifications: this one turned on here (the browser asks
 * permission, subscribes through the service worker and the subscription is registered), any of
 * them removed. A browser that blocks notifications or cannot show them says so.
 */
export function PushDevicesSection() {
  const { t } = useTranslation('account');
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
  const { t } = useTranslation('account');
  const notify = useNotify();
  const deviceName = useDeviceName();
  const formatDateTime = useFormatDateTime();
  const [remove] = useMutation(RemovePushDeviceDocument, { refetchQueries: [MyPushDevicesDocument] });
  const name = device.label ?? deviceName(device.userAgent);

  return (
    <DeviceRow
      name={name}
      userAgent={device.userAgent}
      current={current}
      details={t('security.push.added', { date: formatDateTime(device.createdAt) })}
      action={{
        label: t('security.push.remove'),
        ariaLabel: t('security.push.removeLabel', { device: name }),
        run: async () => {
          await remove({ variables: { id: device.id } });
          // This browser's own subscription ends too, so it stops asking the push service.
          if (current) await (await currentPushSubscription())?.unsubscribe().catch(() => false);
          notify.success(t('security.push.removed', { device: name }));
        },
      }}
    />
  );
}
