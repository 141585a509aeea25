import { Anchor, Group, NativeSelect, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  MyPushDevicesDocument,
  NotificationSettingsDocument,
  SetGroupNotificationLevelDocument,
  UpdateNotificationSettingsDocument,
  useViewer,
  type DigestFrequency,
  type EmailDelivery,
  type GroupNotificationLevel,
  type NotificationSettingsFieldsFragment,
  type UpdateNotificationSettingsInput,
  pushSupport,
} from '@convene/web-data-access';
import { ErrorAlert, PageError, PageLoader, PageTitle, paths, useNotify } from '@convene/web-ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const EMAIL_CHOICES: EmailDelivery[] = ['IMMEDIATE', 'DIGEST', 'NONE'];
const LEVELS: GroupNotificationLevel[] = ['ALL', 'INVOLVING_ME', 'MUTED'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The settings as they will be once the server has applied `input`. */
function withChanges(
  settings: NotificationSettingsFieldsFragment,
  input: UpdateNotificationSettingsInput,
): NotificationSettingsFieldsFragment {
  const changed = new Map((input.channels ?? []).map((c) => [c.category, c]));
  return {
    ...settings,
    contentFree: input.contentFree ?? settings.contentFree,
    digestFrequency: input.digestFrequency ?? settings.digestFrequency,
    digestHour: input.digestHour ?? settings.digestHour,
    digestWeekday: input.digestWeekday ?? settings.digestWeekday,
    channels: settings.channels.map((c) => {
      const next = changed.get(c.category);
      return next ? { ...c, inApp: next.inApp, email: next.email, push: next.push ?? c.push } : c;
    }),
  };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-heading`}>
      <Title order={2} size="h3" mb={intro ? 4 : 'md'} id={`${id}-heading`}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="gray.7" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** Everything a person chooses about notifications; each change is saved at once. */
export function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const { data, loading, error, refetch } = useQuery(NotificationSettingsDocument);
  if (loading && !data) return <PageLoader />;
  if (!data) return <PageError error={error} onRetry={() => void refetch()} />;
  return <SettingsForm settings={data.notificationSettings} title={t('settings.title')} />;
}

function SettingsForm({ settings, title }: { settings: NotificationSettingsFieldsFragment; title: string }) {
  const { t, i18n } = useTranslation('notifications');
  const { viewer } = useViewer();
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [update] = useMutation(UpdateNotificationSettingsDocument);
  const [setLevel] = useMutation(SetGroupNotificationLevelDocument);
  // Push reaches only the devices where the person turned notifications on: with none, the
  // switches wait, and say where to turn it on. (Unknown while loading or on error: left usable.)
  const devices = useQuery(MyPushDevicesDocument, { fetchPolicy: 'cache-and-network' });
  const noDevices = devices.data?.myPushDevices.length === 0;
  const browserCannot = pushSupport() === 'unsupported';

  const save = async (input: UpdateNotificationSettingsInput) => {
    setFailure(null);
    try {
      await update({
        variables: { input },
        // The control moves at once; a failure puts it back.
        optimisticResponse: { updateNotificationSettings: withChanges(settings, input) },
        update: (cache, { data }) => {
          if (data)
            cache.writeQuery({
              query: NotificationSettingsDocument,
              data: { notificationSettings: data.updateNotificationSettings },
            });
        },
      });
      notify.success(t('settings.saved'));
    } catch (error) {
      setFailure(error);
    }
  };

  const saveLevel = async (groupId: string, level: GroupNotificationLevel) => {
    setFailure(null);
    try {
      await setLevel({
        variables: { groupId, level },
        optimisticResponse: { setGroupNotificationLevel: level },
        update: (cache) => {
          cache.updateQuery({ query: NotificationSettingsDocument }, (current) =>
            current
              ? {
                  notificationSettings: {
                    ...current.notificationSettings,
                    groups: current.notificationSettings.groups.map((g) =>
                      g.group.id === groupId ? { ...g, level } : g,
                    ),
                  },
                }
              : current,
          );
        },
      });
      notify.success(t('settings.saved'));
    } catch (error) {
      setFailure(error);
    }
  };

  const hourLabel = (hour: number) =>
    new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 0, 5, hour)),
    );
  const weekdayLabel = (day: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 0, 4 + day)),
    );
  const usesDigest = settings.channels.some((c) => c.email === 'DIGEST');

  return (
    <Stack gap="lg">
      <div>
        <PageTitle mb="xs">{title}</PageTitle>
        <Text c="gray.7">{t('settings.intro')}</Text>
      </div>
      <ErrorAlert error={failure} />

      <Section id="settings-channels" title={t('settings.channels.title')} intro={t('settings.channels.intro')}>
        {(noDevices || browserCannot) && (
          <Text size="sm" c="gray.7" mb="sm" id="settings-push-unavailable">
            {noDevices ? t('settings.channels.pushNoDevice') : t('settings.channels.pushBrowserCannot')}{' '}
            {noDevices && (
              <Anchor component={Link} to={paths.security()} size="sm">
                {t('settings.channels.pushTurnOn')}
              </Anchor>
            )}
          </Text>
        )}
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {settings.channels.map((channel, index) => {
            const name = t(`categories.${channel.category}.name`);
            return (
              <Group
                component="li"
                key={channel.category}
                justify="space-between"
                align="center"
                wrap="wrap"
                gap="md"
                py="sm"
                style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
              >
                <div style={{ flex: '1 1 260px' }}>
                  <Text fw={600}>{name}</Text>
                  <Text size="sm" c="gray.7">
                    {t(`categories.${channel.category}.description`)}
                  </Text>
                </div>
                <Group gap="lg" wrap="wrap" align="flex-end">
                  <Switch
                    label={t('settings.channels.inApp')}
                    labelPosition="left"
                    checked={channel.inApp}
                    aria-label={t('settings.channels.inAppFor', { category: name })}
                    onChange={(event) =>
                      void save({
                        channels: [
                          {
                            category: channel.category,
                            inApp: event.currentTarget.checked,
                            email: channel.email,
                            push: channel.push,
                          },
                        ],
                      })
                    }
                    mb={8}
                  />
                  <Switch
                    label={t('settings.channels.push')}
                    labelPosition="left"
                    checked={channel.push}
                    disabled={noDevices}
                    aria-label={t('settings.channels.pushFor', { category: name })}
                    aria-describedby={noDevices ? 'settings-push-unavailable' : undefined}
                    onChange={(event) =>
                      void save({
                        channels: [
                          {
                            category: channel.category,
                            inApp: channel.inApp,
                            email: channel.email,
                            push: event.currentTarget.checked,
                          },
                        ],
                      })
                    }
                    mb={8}
                  />
                  <NativeSelect
                    label={t('settings.channels.email')}
                    aria-label={t('settings.channels.emailFor', { category: name })}
                    w={170}
                    value={channel.email}
                    data={EMAIL_CHOICES.map((choice) => ({
                      value: choice,
                      label: t(`settings.emailChoices.${choice}`),
                    }))}
                    onChange={(event) =>
                      void save({
                        channels: [
                          {
                            category: channel.category,
                            inApp: channel.inApp,
                            email: event.currentTarget.value as EmailDelivery,
                            push: channel.push,
                          },
                        ],
                      })
                    }
                  />
                </Group>
              </Group>
            );
          })}
        </Stack>
      </Section>

      <Section
        id="settings-digest"
        title={t('settings.digest.title')}
        intro={usesDigest ? t('settings.digest.intro') : t('settings.digest.unused')}
      >
        <Group align="flex-end" gap="md">
          <div>
            <Text component="span" size="sm" fw={500} id="digest-frequency-label" display="block" mb={4}>
              {t('settings.digest.frequency')}
            </Text>
            <SegmentedControl
              aria-labelledby="digest-frequency-label"
              value={settings.digestFrequency}
              data={(['DAILY', 'WEEKLY'] as DigestFrequency[]).map((f) => ({
                value: f,
                label: t(`settings.digest.frequencies.${f}`),
              }))}
              onChange={(value) => void save({ digestFrequency: value as DigestFrequency })}
            />
          </div>
          {settings.digestFrequency === 'WEEKLY' && (
            <NativeSelect
              label={t('settings.digest.weekday')}
              value={String(settings.digestWeekday)}
              data={WEEKDAYS.map((day) => ({ value: String(day), label: weekdayLabel(day) }))}
              onChange={(event) => void save({ digestWeekday: Number(event.currentTarget.value) })}
            />
          )}
          <NativeSelect
            label={t('settings.digest.hour')}
            value={String(settings.digestHour)}
            data={HOURS.map((hour) => ({ value: String(hour), label: hourLabel(hour) }))}
            onChange={(event) => void save({ digestHour: Number(event.currentTarget.value) })}
          />
        </Group>
        <Text size="sm" c="gray.7" mt="sm">
          {t('settings.digest.timeZone', { timeZone: viewer?.timeZone ?? '' })}{' '}
          <Anchor component={Link} to={paths.profile()} size="sm">
            {t('settings.digest.changeTimeZone')}
          </Anchor>
        </Text>
      </Section>

      <Section id="settings-privacy" title={t('settings.privacy.title')}>
        <Switch
          checked={settings.contentFree}
          label={t('settings.privacy.contentFree')}
          description={t('settings.privacy.contentFreeDescription')}
          onChange={(event) => void save({ contentFree: event.currentTarget.checked })}
        />
      </Section>

      <Section id="settings-groups" title={t('settings.groups.title')} intro={t('settings.groups.intro')}>
        {settings.groups.length === 0 ? (
          <Text size="sm">
            {t('settings.groups.none')}{' '}
            <Anchor component={Link} to={paths.groups()}>
              {t('settings.groups.browse')}
            </Anchor>
          </Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {settings.groups.map(({ group, level }) => (
              <Group component="li" key={group.id} justify="space-between" wrap="wrap" gap="sm">
                <Anchor component={Link} to={paths.group(group.slug)} fw={600} dir="auto" id={`level-${group.id}`}>
                  {group.name}
                </Anchor>
                <SegmentedControl
                  aria-labelledby={`level-${group.id}`}
                  value={level}
                  data={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}.name`) }))}
                  onChange={(value) => void saveLevel(group.id, value as GroupNotificationLevel)}
                />
              </Group>
            ))}
          </Stack>
        )}
        <Text size="xs" c="gray.7" mt="md">
          {LEVELS.map((l) => `${t(`levels.${l}.name`)}: ${t(`levels.${l}.description`)}`).join(' · ')}
        </Text>
      </Section>
    </Stack>
  );
}
