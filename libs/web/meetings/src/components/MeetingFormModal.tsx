import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  MeetingHostOptionsDocument,
  MeetingLinkOptionsDocument,
  ScheduleMeetingDocument,
  ScheduleNetworkEventDocument,
  UpdateMeetingDocument,
  type MeetingChangeScope,
  type MeetingPageFieldsFragment,
  type RecurrenceFrequency,
  type UpdateMeetingInput,
} from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, LimitedTextarea, paths, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addMinutesLocal, minutesBetweenLocal, suggestedStartLocal } from '../utils/zoned-time.util';
import { DEFAULT_REMINDERS, ReminderChoices } from './ReminderChoices';
import { MeetingPlaceFields } from './MeetingPlaceFields';
import { TimeZoneSelect } from './TimeZoneSelect';

type Repeat = 'NONE' | RecurrenceFrequency;

interface Values {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  accessibilityNotes: string;
  agendaText: string;
  agendaDocumentId: string;
  minutesDocumentId: string;
  threadId: string;
  coHostGroupIds: string[];
  repeat: Repeat;
  interval: number | string;
  endsBy: 'count' | 'until';
  count: number | string;
  until: string;
  reminderMinutes: string[];
  scope: MeetingChangeScope;
}

/** The API's names for fields whose form names differ. */
const FIELD_MAP: Record<string, string> = {
  'coHostGroupIds.0': 'coHostGroupIds',
  'recurrence.interval': 'interval',
  'recurrence.count': 'count',
  'recurrence.until': 'until',
  recurrence: 'repeat',
};

export type MeetingFormTarget =
  | { kind: 'schedule'; groupId: string; slug: string; timeZone: string }
  | { kind: 'network'; timeZone: string }
  | { kind: 'edit'; meeting: MeetingPageFieldsFragment };

function initialValues(target: MeetingFormTarget): Values {
  if (target.kind === 'edit') {
    const m = target.meeting;
    return {
      title: m.title,
      description: m.description,
      startsAt: m.startsAtLocal,
      endsAt: m.endsAtLocal,
      timeZone: m.timeZone,
      location: m.location,
      onlineUrl: m.onlineUrl ?? '',
      accessibilityNotes: m.accessibilityNotes,
      agendaText: m.agendaText,
      agendaDocumentId: m.agendaDocument?.id ?? '',
      minutesDocumentId: m.minutesDocument?.id ?? '',
      threadId: m.thread?.id ?? '',
      coHostGroupIds: m.hosts.slice(1).map((h) => h.id),
      repeat: 'NONE',
      interval: 1,
      endsBy: 'count',
      count: 6,
      until: '',
      reminderMinutes: m.reminderMinutes.map(String),
      scope: 'OCCURRENCE',
    };
  }
  const start = suggestedStartLocal(target.timeZone);
  return {
    title: '',
    description: '',
    startsAt: start,
    endsAt: addMinutesLocal(start, 90),
    timeZone: target.timeZone,
    location: '',
    onlineUrl: '',
    accessibilityNotes: '',
    agendaText: '',
    agendaDocumentId: '',
    minutesDocumentId: '',
    threadId: '',
    coHostGroupIds: [],
    repeat: 'NONE',
    interval: 1,
    endsBy: 'count',
    count: 6,
    until: '',
    reminderMinutes: DEFAULT_REMINDERS,
    scope: 'OCCURRENCE',
  };
}

const TITLES = { schedule: 'form.scheduleTitle', network: 'form.networkTitle', edit: 'form.editTitle' } as const;

/** Scheduling a meeting (once or repeating) or a network event, or editing one (this one, or it and the following). */
export function MeetingFormModal({
  target,
  opened,
  onClose,
}: {
  target: MeetingFormTarget;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(TITLES[target.kind])}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      {opened && <MeetingForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function MeetingForm({ target, onClose }: { target: MeetingFormTarget; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const navigate = useNavigate();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const slug =
    target.kind === 'edit' ? (target.meeting.group?.slug ?? '') : target.kind === 'schedule' ? target.slug : '';
  // A network event has no group: no group documents, discussions or co-hosts to offer.
  const inGroup = slug !== '';
  const links = useQuery(MeetingLinkOptionsDocument, { variables: { slug }, skip: !inGroup });
  const hostOptions = useQuery(MeetingHostOptionsDocument, { fetchPolicy: 'cache-first', skip: !inGroup });
  const [schedule, scheduling] = useMutation(ScheduleMeetingDocument);
  const [scheduleNetworkEvent, schedulingNetworkEvent] = useMutation(ScheduleNetworkEventDocument);
  const [update, updating] = useMutation(UpdateMeetingDocument);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(target),
    validate: {
      title: validators.all(validators.required, validators.maxLength(LIMITS.meetingTitleMax)),
      startsAt: validators.required,
      endsAt: (value, values) => {
        if (!value) return validators.required(value);
        const minutes = minutesBetweenLocal(values.startsAt, value);
        return minutes !== null && minutes <= 0 ? t('form.endBeforeStart') : null;
      },
    },
  });
  const values = form.getValues();
  const isEdit = target.kind === 'edit';
  const inSeries = isEdit && target.meeting.seriesId != null;

  const documents = (links.data?.workingGroup.documents?.nodes ?? []).map((d) => ({ value: d.id, label: d.title }));
  const threads = (links.data?.workingGroup.threads?.nodes ?? []).map((d) => ({ value: d.id, label: d.title }));
  const withNone = (data: { value: string; label: string }[]) => [{ value: '', label: t('form.none') }, ...data];
  // Other groups to host it with: those the viewer convenes, and those already hosting it.
  const groupId = target.kind === 'edit' ? target.meeting.groupId : target.kind === 'schedule' ? target.groupId : null;
  const currentCoHosts = target.kind === 'edit' ? target.meeting.hosts.slice(1) : [];
  const coHostChoices = [
    ...currentCoHosts.map((h) => ({ value: h.id, label: h.name })),
    ...(hostOptions.data?.workingGroups ?? [])
      .filter((g) => g.viewerCanManage && g.id !== groupId && !currentCoHosts.some((h) => h.id === g.id))
      .map((g) => ({ value: g.id, label: g.name })),
  ];

  const onStartChange = (value: string) => {
    // Keep the length when the start moves, as calendar apps do.
    const length = minutesBetweenLocal(values.startsAt, values.endsAt);
    form.setFieldValue('startsAt', value);
    if (value && length !== null && length > 0) form.setFieldValue('endsAt', addMinutesLocal(value, length));
  };

  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    const reminderMinutes = v.reminderMinutes.map(Number).sort((a, b) => b - a);
    // What a new meeting and a new network event both say.
    const details = {
      title: v.title.trim(),
      description: v.description,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      timeZone: v.timeZone,
      location: v.location.trim(),
      onlineUrl: v.onlineUrl.trim() || null,
      accessibilityNotes: v.accessibilityNotes,
      agendaText: v.agendaText,
      reminderMinutes,
    };
    try {
      if (target.kind === 'network') {
        const { data } = await scheduleNetworkEvent({ variables: { input: details } });
        notify.success(t('form.networkScheduled'));
        onClose();
        if (data) void navigate(paths.meeting(data.scheduleNetworkEvent.id));
        return;
      }
      if (target.kind === 'schedule') {
        const recurrence =
          v.repeat === 'NONE'
            ? null
            : {
                frequency: v.repeat,
                interval: Number(v.interval) || 1,
                ...(v.endsBy === 'count' ? { count: Number(v.count) || 0 } : { until: v.until }),
              };
        const { data } = await schedule({
          variables: {
            input: {
              ...details,
              groupId: target.groupId,
              coHostGroupIds: v.coHostGroupIds,
              agendaDocumentId: v.agendaDocumentId || null,
              threadId: v.threadId || null,
              recurrence,
            },
          },
        });
        notify.success(t('form.scheduled'));
        onClose();
        if (data) void navigate(paths.meeting(data.scheduleMeeting.id));
        return;
      }
      const m = target.meeting;
      const clear: string[] = [];
      const input: UpdateMeetingInput = { id: m.id, scope: inSeries ? v.scope : 'OCCURRENCE' };
      if (v.title.trim() !== m.title) input.title = v.title.trim();
      if (v.description !== m.description) input.description = v.description;
      if (v.startsAt !== m.startsAtLocal || v.timeZone !== m.timeZone) input.startsAt = v.startsAt;
      if (v.endsAt !== m.endsAtLocal || v.timeZone !== m.timeZone) input.endsAt = v.endsAt;
      if (v.timeZone !== m.timeZone) input.timeZone = v.timeZone;
      if (v.location !== m.location) input.location = v.location.trim();
      if (v.accessibilityNotes !== m.accessibilityNotes) input.accessibilityNotes = v.accessibilityNotes;
      if (v.agendaText !== m.agendaText) input.agendaText = v.agendaText;
      if (v.onlineUrl.trim() !== (m.onlineUrl ?? '')) {
        if (v.onlineUrl.trim()) input.onlineUrl = v.onlineUrl.trim();
        else clear.push('onlineUrl');
      }
      const link = (
        field: 'agendaDocumentId' | 'minutesDocumentId' | 'threadId',
        next: string,
        current: string | undefined,
      ) => {
        if (next === (current ?? '')) return;
        if (next) input[field] = next;
        else clear.push(field);
      };
      link('agendaDocumentId', v.agendaDocumentId, m.agendaDocument?.id);
      link('minutesDocumentId', v.minutesDocumentId, m.minutesDocument?.id);
      link('threadId', v.threadId, m.thread?.id);
      const sameReminders = [...m.reminderMinutes].sort().join() === [...reminderMinutes].sort().join();
      if (!sameReminders) input.reminderMinutes = reminderMinutes;
      const currentIds = m.hosts.slice(1).map((h) => h.id);
      if ([...currentIds].sort().join() !== [...v.coHostGroupIds].sort().join())
        input.coHostGroupIds = v.coHostGroupIds;
      if (clear.length) input.clear = clear;
      await update({ variables: { input } });
      notify.success(t('form.saved'));
      onClose();
    } catch (error) {
      const { placed } = applyServerFieldErrors(
        form,
        error,
        (field) => FIELD_MAP[field] ?? (field in values ? field : null),
      );
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <TextInput
          label={t('form.title')}
          required
          maxLength={LIMITS.meetingTitleMax}
          data-autofocus
          dir="auto"
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('form.startsAt')}
            required
            {...form.getInputProps('startsAt')}
            onChange={(event) => onStartChange(event.currentTarget.value)}
          />
          <TextInput type="datetime-local" label={t('form.endsAt')} required {...form.getInputProps('endsAt')} />
        </SimpleGrid>
        <TimeZoneSelect
          label={t('form.timeZone')}
          description={t('form.timeZoneHint')}
          required
          {...form.getInputProps('timeZone')}
          value={values.timeZone}
          onChange={(value) => value && form.setFieldValue('timeZone', value)}
        />
        {isEdit && inSeries && (
          <Radio.Group label={t('form.scope')} {...form.getInputProps('scope')}>
            <Group gap="md" mt={6}>
              <Radio value="OCCURRENCE" label={t('form.scopeOccurrence')} />
              <Radio value="FOLLOWING" label={t('form.scopeFollowing')} />
            </Group>
          </Radio.Group>
        )}
        {target.kind === 'schedule' && (
          <>
            <Select
              label={t('form.repeat')}
              allowDeselect={false}
              data={[
                { value: 'NONE', label: t('form.repeatNone') },
                { value: 'WEEKLY', label: t('form.repeatWeekly') },
                { value: 'MONTHLY_BY_WEEKDAY', label: t('form.repeatMonthly') },
              ]}
              {...form.getInputProps('repeat')}
            />
            {values.repeat !== 'NONE' && (
              <Stack gap="sm" ps="md" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
                <NumberInput label={t('form.interval')} min={1} max={12} w={220} {...form.getInputProps('interval')} />
                <Radio.Group label={t('form.ends')} {...form.getInputProps('endsBy')}>
                  <Group gap="md" mt={6}>
                    <Radio value="count" label={t('form.endsAfter')} />
                    <Radio value="until" label={t('form.endsOn')} />
                  </Group>
                </Radio.Group>
                {values.endsBy === 'count' ? (
                  <NumberInput
                    label={t('form.count')}
                    min={2}
                    max={LIMITS.meetingSeriesMax}
                    w={220}
                    {...form.getInputProps('count')}
                  />
                ) : (
                  <TextInput type="date" label={t('form.until')} w={220} {...form.getInputProps('until')} />
                )}
              </Stack>
            )}
          </>
        )}
        {coHostChoices.length > 0 && (
          <MultiSelect
            label={t('form.coHosts')}
            description={t('form.coHostsHint')}
            data={coHostChoices}
            searchable
            clearable
            {...form.getInputProps('coHostGroupIds')}
          />
        )}
        <MeetingPlaceFields inputProps={(field) => form.getInputProps(field)} descriptionRows={3} />
        <LimitedTextarea
          label={t('form.accessibilityNotes')}
          description={t('form.accessibilityHint')}
          autosize
          minRows={2}
          limit={LIMITS.meetingAccessibilityMax}
          dir="auto"
          {...form.getInputProps('accessibilityNotes')}
        />
        <LimitedTextarea
          label={t('form.agendaText')}
          autosize
          minRows={3}
          limit={LIMITS.meetingDescriptionMax}
          dir="auto"
          {...form.getInputProps('agendaText')}
        />
        {inGroup && (
          <SimpleGrid cols={{ base: 1, sm: isEdit ? 3 : 2 }}>
            <Select
              label={t('form.agendaDocument')}
              data={withNone(documents)}
              searchable
              {...form.getInputProps('agendaDocumentId')}
              onChange={(value) => form.setFieldValue('agendaDocumentId', value ?? '')}
            />
            {isEdit && (
              <Select
                label={t('form.minutesDocument')}
                data={withNone(documents)}
                searchable
                {...form.getInputProps('minutesDocumentId')}
                onChange={(value) => form.setFieldValue('minutesDocumentId', value ?? '')}
              />
            )}
            <Select
              label={t('form.thread')}
              data={withNone(threads)}
              searchable
              {...form.getInputProps('threadId')}
              onChange={(value) => form.setFieldValue('threadId', value ?? '')}
            />
          </SimpleGrid>
        )}
        <ReminderChoices
          value={values.reminderMinutes}
          onChange={(value) => form.setFieldValue('reminderMinutes', value)}
          error={form.errors['reminderMinutes'] ? String(form.errors['reminderMinutes']) : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={scheduling.loading || schedulingNetworkEvent.loading || updating.loading}>
            {isEdit ? t('form.submitEdit') : t('form.submitSchedule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
