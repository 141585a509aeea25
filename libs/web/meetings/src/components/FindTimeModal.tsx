import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { CreateMeetingPollDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, paths, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addMinutesLocal, suggestedStartLocal } from '../utils/zoned-time.util';
import { MeetingPlaceFields } from './MeetingPlaceFields';
import { TimeZoneSelect } from './TimeZoneSelect';

interface Values {
  title: string;
  description: string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  duration: string;
  slots: { key: string; startsAt: string }[];
}

const DURATIONS = [30, 45, 60, 90, 120, 180];
let slotKey = 0;
const newSlot = (startsAt: string) => ({ key: `slot-${(slotKey += 1)}`, startsAt });

/** A poll to find a time: a few proposed starts of one length; members answer, a convenor picks. */
export function FindTimeModal({
  groupId,
  timeZone,
  opened,
  onClose,
}: {
  groupId: string;
  timeZone: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('poll.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      {opened && <FindTimeForm groupId={groupId} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function FindTimeForm({ groupId, timeZone, onClose }: { groupId: string; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const navigate = useNavigate();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [create, { loading }] = useMutation(CreateMeetingPollDocument);
  const first = suggestedStartLocal(timeZone);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: '',
      description: '',
      timeZone,
      location: '',
      onlineUrl: '',
      duration: '60',
      slots: [newSlot(first), newSlot(addMinutesLocal(first, 24 * 60)), newSlot(addMinutesLocal(first, 48 * 60))],
    },
    validate: {
      title: validators.all(validators.required, validators.maxLength(LIMITS.meetingTitleMax)),
      slots: { startsAt: validators.required },
    },
  });
  const values = form.getValues();
  // A time that runs past midnight says so under it: "Ends 01:00 the next day".
  const endsNextDay = (startsAt: string, minutes: number): string | undefined => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startsAt)) return undefined;
    const end = addMinutesLocal(startsAt, minutes);
    return end.slice(0, 10) === startsAt.slice(0, 10) ? undefined : t('poll.endsNextDay', { time: end.slice(11, 16) });
  };

  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    const minutes = Number(v.duration);
    try {
      const { data } = await create({
        variables: {
          input: {
            groupId,
            title: v.title.trim(),
            description: v.description,
            timeZone: v.timeZone,
            location: v.location.trim(),
            onlineUrl: v.onlineUrl.trim() || null,
            slots: v.slots.map((slot) => ({
              startsAt: slot.startsAt,
              endsAt: addMinutesLocal(slot.startsAt, minutes),
            })),
          },
        },
      });
      notify.success(t('poll.created'));
      onClose();
      if (data) void navigate(paths.poll(data.createMeetingPoll.id));
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error, (field) => {
        const slot = /^slots\.(\d+)\.(startsAt|endsAt)$/.exec(field);
        if (slot) return `slots.${slot[1]}.startsAt`;
        return field in values && field !== 'slots' ? field : null;
      });
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Text size="sm" c="gray.7" mb="md">
        {t('poll.createIntro')}
      </Text>
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
        <TimeZoneSelect
          label={t('form.timeZone')}
          description={t('form.timeZoneHint')}
          required
          {...form.getInputProps('timeZone')}
          value={values.timeZone}
          onChange={(value) => value && form.setFieldValue('timeZone', value)}
        />
        <Select
          label={t('poll.duration')}
          allowDeselect={false}
          w={220}
          data={DURATIONS.map((minutes) => ({
            value: String(minutes),
            label:
              minutes % 60 === 0 ? t('poll.hours', { count: minutes / 60 }) : t('poll.minutes', { count: minutes }),
          }))}
          {...form.getInputProps('duration')}
        />
        <fieldset className="convene-fieldset">
          <legend>
            <Text fw={500} size="sm">
              {t('poll.slots')}
            </Text>
          </legend>
          <Stack gap="xs">
            {values.slots.map((slot, index) => (
              <Group key={slot.key} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  type="datetime-local"
                  label={t('poll.slot', { number: index + 1 })}
                  description={endsNextDay(slot.startsAt, Number(values.duration))}
                  required
                  style={{ flex: 1 }}
                  {...form.getInputProps(`slots.${index}.startsAt`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={form.errors[`slots.${index}.startsAt`] ? 22 : 2}
                  disabled={values.slots.length <= LIMITS.pollSlotsMin}
                  aria-label={t('poll.removeSlot', { number: index + 1 })}
                  onClick={() => form.removeListItem('slots', index)}
                >
                  <span aria-hidden>×</span>
                </ActionIcon>
              </Group>
            ))}
            {values.slots.length < LIMITS.pollSlotsMax && (
              <Button
                variant="subtle"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  const last = values.slots.at(-1)?.startsAt;
                  form.insertListItem('slots', newSlot(last ? addMinutesLocal(last, 24 * 60) : first));
                }}
              >
                {t('poll.addSlot')}
              </Button>
            )}
          </Stack>
        </fieldset>
        <MeetingPlaceFields inputProps={(field) => form.getInputProps(field)} descriptionRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('poll.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
