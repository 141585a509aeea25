import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  CheckInRegistrationDocument,
  DecideRegistrationDocument,
  EmailRegistrantsDocument,
  EventRegistrationsDocument,
  MeetingDocument,
  type EventRegistrationFieldsFragment,
  type MeetingPageFieldsFragment,
  type RegistrationStatus,
} from '@convene/web-data-access';
import {
  ErrorAlert,
  LimitedTextarea,
  PageError,
  paths,
  ScrollTable,
  useErrorMessage,
  useNotify,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  CONFIRMED: 'teal',
  PENDING: 'yellow',
  WAITLISTED: 'indigo',
  CANCELLED: 'gray',
  DECLINED: 'red',
};

/** The organisers' view of an open event: counts, everyone registered, check-in, decisions, CSV and a message to all. */
export function RegistrationsPanel({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const { data, error, refetch } = useQuery(EventRegistrationsDocument, {
    variables: { meetingId: meeting.id },
    fetchPolicy: 'cache-and-network',
  });
  const [emailOpened, emailModal] = useDisclosure(false);
  const counts = meeting.registrationCounts;
  const form = meeting.eventForm;
  if (!form) return null;
  const registrations = data?.eventRegistrations ?? [];
  const questions = new Map(form.fields.map((field) => [field.id, field.label]));

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Anchor href={paths.event(form.slug)} target="_blank" rel="noopener" size="sm" dir="ltr">
          {`${window.location.origin}/events/${form.slug}`}
        </Anchor>
        <Badge size="sm" variant="light" color={form.isOpen ? 'teal' : 'gray'} c="gray.9" tt="none">
          {form.isOpen ? t('event.isOpen') : t('public.closed.CLOSED')}
        </Badge>
      </Group>
      {counts && (
        <Text size="sm" c="gray.8">
          {t('event.countsLine', counts)}
        </Text>
      )}
      <Group gap="xs">
        <Button
          component="a"
          href={`/api/meetings/${meeting.id}/registrations.csv`}
          variant="default"
          size="xs"
          download
        >
          {t('event.csv')}
        </Button>
        <Button variant="default" size="xs" onClick={emailModal.open} disabled={registrations.length === 0}>
          {t('event.email')}
        </Button>
      </Group>
      <EmailRegistrantsModal meetingId={meeting.id} opened={emailOpened} onClose={emailModal.close} />
      {!data && error && <PageError error={error} onRetry={() => void refetch()} />}
      {data && registrations.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('event.noRegistrations')}
        </Text>
      )}
      {registrations.length > 0 && (
        <ScrollTable minWidth={880} label={t('event.registrations')}>
          <Table className="convene-reg-table" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('event.name')}</Table.Th>
                <Table.Th>{t('event.organisation')}</Table.Th>
                <Table.Th>{t('event.registered')}</Table.Th>
                <Table.Th>{t('event.status')}</Table.Th>
                {questions.size > 0 && <Table.Th>{t('event.answers')}</Table.Th>}
                <Table.Th>{t('event.checkIn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('meeting.manage')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {registrations.map((registration) => (
                <RegistrationRow
                  key={registration.id}
                  registration={registration}
                  questions={questions}
                  meetingId={meeting.id}
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function RegistrationRow({
  registration,
  questions,
  meetingId,
}: {
  registration: EventRegistrationFieldsFragment;
  questions: Map<string, string>;
  meetingId: string;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const viewerZone = useViewerTimeZone();
  const time = useMeetingTime(viewerZone);
  const refetchQueries = [{ query: MeetingDocument, variables: { id: meetingId } }];
  const [decide, deciding] = useMutation(DecideRegistrationDocument, { refetchQueries });
  const [checkIn, checking] = useMutation(CheckInRegistrationDocument, { refetchQueries });
  const name = registration.anonymised ? t('event.anonymised') : registration.name;
  const canDecide = registration.status === 'PENDING' || registration.status === 'WAITLISTED';
  const answered = registration.answers.filter((answer) => questions.has(answer.fieldId) && answer.value);

  const onDecide = (approve: boolean) =>
    void decide({ variables: { registrationId: registration.id, approve } })
      .then(() => notify.success(approve ? t('event.approved', { name }) : t('event.declined', { name })))
      .catch((error: unknown) => notify.error(errorMessage(error)));

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} dir="auto">
          {name}
        </Text>
        {!registration.anonymised && (
          <Text size="xs" c="gray.7" dir="ltr" style={{ textAlign: 'start' }}>
            {registration.email}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto">
          {registration.organisation}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{time.dateTime(registration.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLORS[registration.status]} c="gray.9" tt="none">
          {t(`event.statuses.${registration.status}`)}
        </Badge>
      </Table.Td>
      {questions.size > 0 && (
        <Table.Td className="convene-reg-answers">
          {answered.map((answer) => (
            <Text key={answer.fieldId} size="xs" dir="auto">
              <strong>{questions.get(answer.fieldId)}:</strong>{' '}
              {answer.value === 'true' ? t('event.yes') : answer.value === 'false' ? t('event.no') : answer.value}
            </Text>
          ))}
        </Table.Td>
      )}
      <Table.Td>
        <Switch
          aria-label={t('event.checkInFor', { name })}
          checked={registration.checkedInAt != null}
          disabled={registration.status !== 'CONFIRMED' || checking.loading}
          onChange={(event) =>
            void checkIn({
              variables: { registrationId: registration.id, checkedIn: event.currentTarget.checked },
            }).catch((error: unknown) => notify.error(errorMessage(error)))
          }
        />
      </Table.Td>
      <Table.Td>
        {canDecide && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              c="teal.9"
              loading={deciding.loading}
              aria-label={t('event.approveFor', { name })}
              onClick={() => onDecide(true)}
            >
              {t('event.approve')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={deciding.loading}
              aria-label={t('event.declineFor', { name })}
              onClick={() => onDecide(false)}
            >
              {t('event.decline')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function EmailRegistrantsModal({
  meetingId,
  opened,
  onClose,
}: {
  meetingId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [includeWaitlist, setIncludeWaitlist] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [send, { loading }] = useMutation(EmailRegistrantsDocument);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('event.emailTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          send({ variables: { input: { meetingId, subject: subject.trim(), message, includeWaitlist } } })
            .then(({ data }) => {
              notify.success(t('event.sent', { count: data?.emailRegistrants ?? 0 }));
              setSubject('');
              setMessage('');
              onClose();
            })
            .catch(setFailure);
        }}
      >
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('event.subject')}
            required
            maxLength={200}
            dir="auto"
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            data-autofocus
          />
          <LimitedTextarea
            label={t('event.message')}
            required
            autosize
            minRows={6}
            limit={LIMITS.registrationMessageMax}
            dir="auto"
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
          />
          <Checkbox
            label={t('event.includeWaitlist')}
            checked={includeWaitlist}
            onChange={(event) => setIncludeWaitlist(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={loading} disabled={!subject.trim() || !message.trim()}>
              {t('event.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
