import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { PageTitle, paths, useLocale } from '@convene/web-ui';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeetingTime, type MeetingTime } from '../hooks/useMeetingTime';
import { useRepeatsText } from '../hooks/useRepeatsText';
import { CancelMeetingModal } from './CancelMeetingModal';
import { MeetingFormModal } from './MeetingFormModal';

/** The top of a meeting's page: the way back to its group, its title and time, and adding, editing or cancelling it. */
export function MeetingHeader({ meeting, time }: { meeting: MeetingPageFieldsFragment; time: MeetingTime }) {
  const { t } = useTranslation('meetings');
  const viewerZone = time.timeZone;
  const ownTime = useMeetingTime(meeting.timeZone);
  const repeatsText = useRepeatsText();
  const [editOpened, editModal] = useDisclosure(false);
  const [cancelOpened, cancelModal] = useDisclosure(false);
  const cancelled = meeting.status === 'CANCELLED';
  const manage = meeting.viewerCanManage && !cancelled;
  const group = meeting.group;

  return (
    <div>
      {group ? (
        <Anchor component={Link} to={paths.group(group.slug, 'meetings')} size="sm">
          {t('meeting.back', { group: group.name })}
        </Anchor>
      ) : (
        <Anchor component={Link} to={meeting.groupId ? paths.groups() : paths.calendar()} size="sm">
          {meeting.groupId ? t('meeting.backPlain') : t('meeting.backToCalendar')}
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" mt="xs" gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <PageTitle
              mb={0}
              dir="auto"
              style={{ overflowWrap: 'anywhere' }}
              td={cancelled ? 'line-through' : undefined}
            >
              {meeting.title}
            </PageTitle>
            {cancelled && (
              <Badge color="red" variant="light" tt="none">
                {t('status.CANCELLED')}
              </Badge>
            )}
          </Group>
          <Text fw={600} c="indigo.9" mt={4} className="convene-meeting-date">
            {t('when.range', { range: time.range(meeting.startsAt, meeting.endsAt), timeZone: viewerZone })}
          </Text>
          {meeting.timeZone !== viewerZone && (
            <Text size="sm" c="gray.7">
              {t('when.organisedIn', {
                timeZone: meeting.timeZone,
                range: ownTime.range(meeting.startsAt, meeting.endsAt),
              })}
            </Text>
          )}
          {meeting.hosts.length > 1 && <HostedBy hosts={meeting.hosts} />}
          {!meeting.groupId && (
            <Group gap="xs" mt={4}>
              <Badge variant="light" color="grape" c="gray.9" tt="none">
                {t('meeting.networkEvent')}
              </Badge>
              <Text size="sm" c="gray.7">
                {t('meeting.networkEventHint')}
              </Text>
            </Group>
          )}
          {meeting.repeats && (
            <Text size="sm" c="gray.7">
              {t('meeting.series', { recurrence: repeatsText(meeting.repeats) })}
              {meeting.movedFrom && ` ${t('meeting.moved', { time: time.dateTime(meeting.movedFrom) })}`}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {!cancelled && (
            <Button component="a" href={meeting.icsUrl} variant="default" download>
              {t('meeting.addToCalendar')}
            </Button>
          )}
          {manage && (
            <>
              <Button variant="default" onClick={editModal.open}>
                {t('meeting.edit')}
              </Button>
              <Button variant="light" color="red" onClick={cancelModal.open}>
                {t('meeting.cancelMeeting')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {manage && (
        <>
          <MeetingFormModal target={{ kind: 'edit', meeting }} opened={editOpened} onClose={editModal.close} />
          <CancelMeetingModal meeting={meeting} opened={cancelOpened} onClose={cancelModal.close} />
        </>
      )}
    </div>
  );
}

/** "Hosted by A and B", each group a link, the names joined as the language joins them. */
function HostedBy({ hosts }: { hosts: { id: string; slug: string; name: string }[] }) {
  const { t } = useTranslation('meetings');
  const { locale } = useLocale();
  const [before = '', after = ''] = t('meeting.hostedBy', { groups: '\u0000' }).split('\u0000');
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(hosts.map((h) => h.name));
  let next = 0;
  return (
    <Text size="sm" c="gray.7" data-testid="meeting-hosts">
      {before}
      {parts.map((part, i) => {
        const host = part.type === 'element' ? hosts[next++] : undefined;
        return host ? (
          <Anchor key={host.id} component={Link} to={paths.group(host.slug, 'meetings')} dir="auto">
            {host.name}
          </Anchor>
        ) : (
          <Fragment key={i}>{part.value}</Fragment>
        );
      })}
      {after}
    </Text>
  );
}
