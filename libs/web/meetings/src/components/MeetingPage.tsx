import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import {
  MeetingDocument,
  toApiError,
  type MeetingPageFieldsFragment,
  type RsvpResponse,
} from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader, PageTitle, paths } from '@convene/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import { CancelMeetingModal } from './CancelMeetingModal';
import { EventConfigModal } from './EventConfigModal';
import { MeetingFormModal } from './MeetingFormModal';
import { MinutesModal } from './MinutesModal';
import { useReminderLabel } from './ReminderChoices';
import { RegistrationsPanel } from './RegistrationsPanel';
import { RsvpPanel } from './RsvpPanel';
import './meetings.css';
import { useRepeatsText } from '../hooks/useRepeatsText';

const RESPONSE_ORDER: RsvpResponse[] = ['GOING', 'MAYBE', 'NOT_GOING'];

function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" radius="md">
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

/** One meeting: when and where, the viewer's answer, everyone's answers, agenda and minutes, and the convenors' tools. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { data, error, loading, refetch } = useQuery(MeetingDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')
      return <NotFoundPage title={t('meeting.notFoundTitle')} body={t('meeting.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <MeetingDetails meeting={data.meeting} />;
}

function MeetingDetails({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const viewerZone = useViewerTimeZone();
  const time = useMeetingTime(viewerZone);
  const ownTime = useMeetingTime(meeting.timeZone);
  const repeatsText = useRepeatsText();
  const reminderLabel = useReminderLabel();
  const [editOpened, editModal] = useDisclosure(false);
  const [cancelOpened, cancelModal] = useDisclosure(false);
  const [minutesOpened, minutesModal] = useDisclosure(false);
  const [eventOpened, eventModal] = useDisclosure(false);
  const cancelled = meeting.status === 'CANCELLED';
  const ended = new Date(meeting.endsAt).getTime() < Date.now();
  const manage = meeting.viewerCanManage && !cancelled;
  const group = meeting.group;

  return (
    <Stack gap="lg">
      <div>
        {group ? (
          <Anchor component={Link} to={paths.group(group.slug, 'meetings')} size="sm">
            {t('meeting.back', { group: group.name })}
          </Anchor>
        ) : (
          <Anchor component={Link} to={paths.groups()} size="sm">
            {t('meeting.backPlain')}
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

      {cancelled && (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="red"
          variant="light"
          title={t('meeting.cancelledBanner')}
        >
          {meeting.cancellationReason ? (
            <Text size="sm" dir="auto">
              {t('meeting.cancelledReason', { reason: meeting.cancellationReason })}
            </Text>
          ) : null}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section id="meeting-about" title={t('meeting.about')}>
              <dl className="convene-detail-list">
                <dt>{t('meeting.when')}</dt>
                <dd>
                  {t('when.range', { range: time.range(meeting.startsAt, meeting.endsAt), timeZone: viewerZone })}
                </dd>
                {meeting.location && (
                  <>
                    <dt>{t('meeting.where')}</dt>
                    <dd dir="auto" className="convene-preline">
                      {meeting.location}
                    </dd>
                  </>
                )}
                {meeting.onlineUrl && (
                  <>
                    <dt>{t('meeting.online')}</dt>
                    <dd>
                      <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer">
                        {t('meeting.join')}
                      </Anchor>{' '}
                      <Text span size="xs" c="gray.7" dir="ltr">
                        ({meeting.onlineUrl})
                      </Text>
                    </dd>
                  </>
                )}
                {meeting.accessibilityNotes && (
                  <>
                    <dt>{t('meeting.accessibility')}</dt>
                    <dd dir="auto" className="convene-preline">
                      {meeting.accessibilityNotes}
                    </dd>
                  </>
                )}
                {meeting.viewerCanManage && (
                  <>
                    <dt>{t('form.reminders')}</dt>
                    <dd>
                      {meeting.reminderMinutes.length
                        ? meeting.reminderMinutes
                            .map((m) => t('reminders.before', { time: reminderLabel(m) }))
                            .join(', ')
                        : t('reminders.none')}
                    </dd>
                  </>
                )}
              </dl>
              {meeting.description && (
                <div
                  className="convene-meeting-markdown convene-meeting-markdown-spaced"
                  dir="auto"
                  dangerouslySetInnerHTML={{ __html: meeting.descriptionHtml }}
                />
              )}
            </Section>

            <Section id="meeting-agenda" title={t('meeting.agenda')}>
              {meeting.agendaText ? (
                <div
                  className="convene-meeting-markdown"
                  dir="auto"
                  dangerouslySetInnerHTML={{ __html: meeting.agendaHtml }}
                />
              ) : (
                !meeting.agendaDocument && (
                  <Text size="sm" c="gray.7">
                    {t('meeting.noAgenda')}
                  </Text>
                )
              )}
              {meeting.agendaDocument && (
                <Anchor
                  component={Link}
                  to={paths.document(meeting.agendaDocument.id)}
                  size="sm"
                  display="block"
                  mt="xs"
                  dir="auto"
                >
                  {t('meeting.agendaDocument', { title: meeting.agendaDocument.title })}
                </Anchor>
              )}
            </Section>

            <Section
              id="meeting-minutes"
              title={t('meeting.minutes')}
              aside={
                meeting.viewerCanManage && (
                  <Button size="xs" variant="default" onClick={minutesModal.open}>
                    {meeting.minutesText ? t('meeting.editMinutes') : t('meeting.writeMinutes')}
                  </Button>
                )
              }
            >
              {meeting.minutesText ? (
                <div
                  className="convene-meeting-markdown"
                  dir="auto"
                  dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }}
                />
              ) : (
                !meeting.minutesDocument && (
                  <Text size="sm" c="gray.7">
                    {t('meeting.noMinutes')}
                  </Text>
                )
              )}
              {meeting.minutesDocument && (
                <Anchor
                  component={Link}
                  to={paths.document(meeting.minutesDocument.id)}
                  size="sm"
                  display="block"
                  mt="xs"
                  dir="auto"
                >
                  {t('meeting.minutesDocument', { title: meeting.minutesDocument.title })}
                </Anchor>
              )}
              {meeting.viewerCanManage && (
                <MinutesModal
                  key={meeting.minutesText}
                  meeting={meeting}
                  opened={minutesOpened}
                  onClose={minutesModal.close}
                />
              )}
            </Section>

            {meeting.viewerCanManage && (
              <Section
                id="meeting-registration"
                title={meeting.eventForm ? t('event.registrations') : t('event.configTitle')}
                aside={
                  !cancelled && (
                    <Button size="xs" variant={meeting.eventForm ? 'default' : 'filled'} onClick={eventModal.open}>
                      {meeting.eventForm ? t('meeting.registrationSettings') : t('meeting.openRegistration')}
                    </Button>
                  )
                }
              >
                {meeting.eventForm ? (
                  <RegistrationsPanel meeting={meeting} />
                ) : (
                  <Text size="sm" c="gray.7">
                    {t('event.configIntro')}
                  </Text>
                )}
                <EventConfigModal meeting={meeting} opened={eventOpened} onClose={eventModal.close} />
              </Section>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Section id="meeting-rsvp" title={t('rsvp.heading')}>
              {cancelled ? (
                <Text size="sm" c="gray.7">
                  {t('rsvp.cancelledNoRsvp')}
                </Text>
              ) : ended ? (
                <Text size="sm" c="gray.7">
                  {meeting.myRsvp
                    ? t('rsvp.current', { answer: t(`rsvp.${meeting.myRsvp.response}`) })
                    : t('rsvp.noAnswers')}
                </Text>
              ) : (
                <RsvpPanel key={`${meeting.myRsvp?.response}-${meeting.myRsvp?.note}`} meeting={meeting} />
              )}
            </Section>

            <Section id="meeting-answers" title={t('rsvp.answers')}>
              <Text size="sm" c="gray.8" mb="xs">
                {t('rsvp.counts', meeting.rsvpCounts)}
              </Text>
              {meeting.rsvps.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('rsvp.noAnswers')}
                </Text>
              ) : (
                <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                  {[...meeting.rsvps]
                    .sort((a, b) => RESPONSE_ORDER.indexOf(a.response) - RESPONSE_ORDER.indexOf(b.response))
                    .map((rsvp, index) => (
                      <li key={rsvp.person?.id ?? `someone-${index}`}>
                        <Group gap="xs" justify="space-between" wrap="nowrap">
                          <Text size="sm" dir="auto">
                            {rsvp.person?.displayName ?? t('rsvp.someone')}
                          </Text>
                          <Badge
                            size="sm"
                            variant="light"
                            color={rsvp.response === 'GOING' ? 'teal' : rsvp.response === 'MAYBE' ? 'yellow' : 'gray'}
                            c="gray.9"
                            tt="none"
                          >
                            {t(`rsvp.${rsvp.response}`)}
                          </Badge>
                        </Group>
                        {rsvp.note && (
                          <Text size="xs" c="gray.7" dir="auto" className="convene-preline">
                            {t('rsvp.noteLabel')}: {rsvp.note}
                          </Text>
                        )}
                      </li>
                    ))}
                </Stack>
              )}
            </Section>

            {meeting.thread && (
              <Section id="meeting-linked" title={t('meeting.linked')}>
                <Anchor component={Link} to={paths.thread(meeting.thread.id)} size="sm" dir="auto">
                  {t('meeting.discussion', { title: meeting.thread.title })}
                </Anchor>
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
