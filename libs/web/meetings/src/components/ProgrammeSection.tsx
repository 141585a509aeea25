import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  AddProgrammeSessionDocument,
  MeetingProgrammeDocument,
  RemoveProgrammeSessionDocument,
  ReorderProgrammeSessionsDocument,
  SessionAttendeesDocument,
  UpdateProgrammeSessionDocument,
  type ProgrammeSessionFieldsFragment,
  type ProgrammeSessionKind,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ConfirmModal,
  ErrorAlert,
  PageError,
  ScrollTable,
  SectionCard,
  useNotify,
  useValidators,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingTime, type MeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';

const KINDS: ProgrammeSessionKind[] = ['PLENARY', 'WORKSHOP', 'OTHER'];

/**
 * The organisers' programme of an event: sessions in order with places taken and waiting, adding,
 * editing, moving and removing them, and each workshop's list of who is coming (and its CSV).
 */
export function ProgrammeSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('programme');
  const time = useMeetingTime(useViewerTimeZone());
  const notify = useNotify();
  const { data, error, refetch } = useQuery(MeetingProgrammeDocument, {
    variables: { id: meetingId },
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [{ query: MeetingProgrammeDocument, variables: { id: meetingId } }];
  const [editing, setEditing] = useState<ProgrammeSessionFieldsFragment | 'new' | null>(null);
  const [removing, setRemoving] = useState<ProgrammeSessionFieldsFragment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [remove, removal] = useMutation(RemoveProgrammeSessionDocument, { refetchQueries, awaitRefetchQueries: true });
  const [reorder, reordering] = useMutation(ReorderProgrammeSessionsDocument, { refetchQueries });
  const meeting = data?.meeting;
  const sessions = meeting?.programme ?? [];

  const move = (from: number, to: number) => {
    const ids = sessions.map((session) => session.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    setFailure(null);
    reorder({ variables: { input: { meetingId, sessionIds: ids } } }).catch(setFailure);
  };

  return (
    <SectionCard
      id="meeting-programme"
      title={t('editor.title')}
      aside={
        <Button size="xs" onClick={() => setEditing('new')} disabled={!meeting}>
          {t('editor.add')}
        </Button>
      }
    >
      {!data && error && <PageError error={error} onRetry={() => void refetch()} />}
      <ErrorAlert error={failure} />
      {meeting && sessions.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('editor.intro')}
        </Text>
      )}
      <Stack gap="md">
        {sessions.map((session, i) => (
          <SessionItem
            key={session.id}
            session={session}
            time={time}
            actions={
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('editor.moveUp')}
                  disabled={i === 0 || reordering.loading}
                  onClick={() => move(i, i - 1)}
                >
                  <span aria-hidden>↑</span>
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('editor.moveDown')}
                  disabled={i === sessions.length - 1 || reordering.loading}
                  onClick={() => move(i, i + 1)}
                >
                  <span aria-hidden>↓</span>
                </ActionIcon>
                <Button size="compact-xs" variant="default" onClick={() => setEditing(session)}>
                  {t('editor.edit')}
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(session)}>
                  {t('editor.remove')}
                </Button>
              </Group>
            }
          />
        ))}
      </Stack>
      {meeting && editing && (
        <SessionFormModal
          meeting={meeting}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          refetchQueries={refetchQueries}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('editor.removeTitle')}
        body={t('editor.removeBody')}
        keepLabel={t('editor.keep')}
        confirmLabel={t('editor.confirmRemove')}
        loading={removal.loading}
        error={removal.error}
        onConfirm={() => {
          if (!removing) return;
          remove({ variables: { sessionId: removing.id } })
            .then(() => {
              notify.success(t('editor.removed'));
              setRemoving(null);
            })
            .catch(() => undefined);
        }}
      />
    </SectionCard>
  );
}

function SessionItem({
  session,
  time,
  actions,
}: {
  session: ProgrammeSessionFieldsFragment;
  time: MeetingTime;
  actions: React.ReactNode;
}) {
  const { t } = useTranslation('programme');
  const [open, setOpen] = useState(false);
  const workshop = session.kind === 'WORKSHOP';
  return (
    <div>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Group gap="xs">
            <Text fw={600} dir="auto">
              {session.title}
            </Text>
            <Badge size="sm" variant="light" color={workshop ? 'indigo' : 'gray'} c="gray.9" tt="none">
              {t(`kinds.${session.kind}`)}
            </Badge>
          </Group>
          <Text size="sm" c="gray.7">
            {[time.range(session.startsAt, session.endsAt), session.room].filter(Boolean).join(' · ')}
          </Text>
          {workshop && (
            <Text size="sm" c="gray.8">
              {[
                session.capacity === null || session.capacity === undefined
                  ? t('editor.noLimit')
                  : t('editor.capacity', { count: session.capacity }),
                t('editor.counts', { confirmed: session.confirmed, waitlisted: session.waitlisted }),
              ].join(' · ')}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {workshop && (
        <Group gap="xs" mt={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((shown) => !shown)}>
            {open ? t('editor.hideAttendees') : t('editor.attendees')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            component="a"
            href={`/api/programme-sessions/${session.id}/attendees.csv`}
            download
          >
            {t('editor.csv')}
          </Button>
        </Group>
      )}
      {open && <Attendees sessionId={session.id} />}
    </div>
  );
}

function Attendees({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('programme');
  const { data, error, refetch } = useQuery(SessionAttendeesDocument, {
    variables: { sessionId },
    fetchPolicy: 'cache-and-network',
  });
  if (!data && error) return <PageError error={error} onRetry={() => void refetch()} />;
  const attendees = data?.sessionAttendees ?? [];
  if (data && !attendees.length)
    return (
      <Text size="sm" c="gray.7">
        {t('editor.noAttendees')}
      </Text>
    );
  return (
    <ScrollTable minWidth={520} label={t('editor.attendees')}>
      <Table verticalSpacing={4} striped>
        <Table.Tbody>
          {attendees.map((attendee) => (
            <Table.Tr key={attendee.registrationId}>
              <Table.Td dir="auto">{attendee.name}</Table.Td>
              <Table.Td dir="ltr">{attendee.email}</Table.Td>
              <Table.Td dir="auto">{attendee.organisation}</Table.Td>
              <Table.Td>
                {attendee.status === 'WAITLISTED' && !attendee.waitlistPosition
                  ? t('editor.waitingForEvent')
                  : t(`editor.placeStatus.${attendee.status}`, { position: attendee.waitlistPosition ?? '' })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

interface Values {
  title: string;
  kind: ProgrammeSessionKind;
  startsAt: string;
  endsAt: string;
  room: string;
  description: string;
  capacity: number | string;
}

function SessionFormModal({
  meeting,
  session,
  onClose,
  refetchQueries,
}: {
  meeting: { id: string; timeZone: string; startsAtLocal: string; endsAtLocal: string };
  session: ProgrammeSessionFieldsFragment | null;
  onClose: () => void;
  refetchQueries: { query: typeof MeetingProgrammeDocument; variables: { id: string } }[];
}) {
  const { t } = useTranslation('programme');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [add, adding] = useMutation(AddProgrammeSessionDocument, { refetchQueries, awaitRefetchQueries: true });
  const [update, updating] = useMutation(UpdateProgrammeSessionDocument, { refetchQueries, awaitRefetchQueries: true });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: session?.title ?? '',
      kind: session?.kind ?? 'WORKSHOP',
      startsAt: session?.startsAtLocal ?? meeting.startsAtLocal,
      endsAt: session?.endsAtLocal ?? meeting.startsAtLocal,
      room: session?.room ?? '',
      description: session?.description ?? '',
      capacity: session?.capacity ?? '',
    },
    validate: {
      title: validators.all(validators.required, validators.maxLength(LIMITS.programmeSessionTitleMax)),
      startsAt: validators.required,
      endsAt: validators.required,
    },
  });
  const values = form.getValues();
  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    const fields = {
      title: v.title.trim(),
      kind: v.kind,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      room: v.room.trim() || null,
      description: v.description.trim() || null,
      capacity: v.kind === 'WORKSHOP' && typeof v.capacity === 'number' ? v.capacity : null,
    };
    try {
      if (session) await update({ variables: { input: { sessionId: session.id, ...fields } } });
      else await add({ variables: { input: { meetingId: meeting.id, ...fields } } });
      notify.success(t('editor.saved'));
      onClose();
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      if (!placed) setFailure(error);
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={session ? t('form.editTitle') : t('form.addTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('form.title')}
            required
            dir="auto"
            maxLength={LIMITS.programmeSessionTitleMax}
            {...form.getInputProps('title')}
          />
          <Select
            label={t('form.kind')}
            data={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label={t('form.startsAt')} required {...form.getInputProps('startsAt')} />
            <TextInput type="datetime-local" label={t('form.endsAt')} required {...form.getInputProps('endsAt')} />
          </SimpleGrid>
          <Text size="xs" c="gray.7">
            {t('form.zone', { timeZone: meeting.timeZone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.room')}
              dir="auto"
              maxLength={LIMITS.programmeSessionRoomMax}
              {...form.getInputProps('room')}
            />
            {values.kind === 'WORKSHOP' && (
              <NumberInput
                label={t('form.capacity')}
                description={t('form.capacityHint')}
                min={1}
                max={100_000}
                allowDecimal={false}
                {...form.getInputProps('capacity')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('form.description')}
            dir="auto"
            autosize
            minRows={2}
            maxLength={LIMITS.programmeSessionDescriptionMax}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={adding.loading || updating.loading}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
