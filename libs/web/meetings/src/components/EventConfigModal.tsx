import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS, SUPPORTED_LOCALES, type Locale } from '@convene/shared-contracts';
import {
  ConfigureEventDocument,
  type MeetingPageFieldsFragment,
  type RegistrationFieldKind,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  fieldTextsForEditing,
  fieldTextsInput,
  FormLanguagesSection,
  LimitedTextarea,
  optionLines,
  textsForEditing,
  textsInput,
  translatedFieldPath,
  useNotify,
  useValidators,
  type FieldTextsValues,
  type TextsValues,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldValues {
  key: string;
  id: string | null;
  label: string;
  kind: RegistrationFieldKind;
  required: boolean;
  options: string;
  translations: Record<Locale, FieldTextsValues>;
}

interface Values {
  slug: string;
  isOpen: boolean;
  capacity: number | string;
  waitlistEnabled: boolean;
  deadline: string;
  requiresApproval: boolean;
  retentionDays: number | string;
  consentText: string;
  fields: FieldValues[];
  language: string;
  translations: Record<Locale, TextsValues>;
}

const KINDS: RegistrationFieldKind[] = ['TEXT', 'CHOICE', 'CHECKBOX'];
let fieldKey = 0;
const nextKey = () => `field-${(fieldKey += 1)}`;

/** A suggested public address from the title and day: "legal-clinic-2026-12-03". */
export function suggestSlug(title: string, startsAtLocal: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${words || 'event'}-${startsAtLocal.slice(0, 10)}`;
}

/** Opening a meeting to people outside the network: the public form's address, places, deadline, consent and questions. */
export function EventConfigModal({
  meeting,
  opened,
  onClose,
}: {
  meeting: MeetingPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('event.configTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      {opened && <EventConfigForm meeting={meeting} onClose={onClose} />}
    </Modal>
  );
}

function EventConfigForm({ meeting, onClose }: { meeting: MeetingPageFieldsFragment; onClose: () => void }) {
  const { t, i18n } = useTranslation('meetings');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [configure, { loading }] = useMutation(ConfigureEventDocument);
  const existing = meeting.eventForm;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      slug: existing?.slug ?? suggestSlug(meeting.title, meeting.startsAtLocal),
      isOpen: existing?.isOpen ?? true,
      capacity: existing?.capacity ?? '',
      waitlistEnabled: existing?.waitlistEnabled ?? true,
      deadline: existing?.deadlineLocal ?? '',
      requiresApproval: existing?.requiresApproval ?? false,
      retentionDays: existing?.retentionDays ?? 90,
      consentText: existing?.consentText ?? t('event.consentDefault'),
      fields: (existing?.fields ?? []).map((field) => ({
        key: nextKey(),
        id: field.id,
        label: field.label,
        kind: field.kind,
        required: field.required,
        options: field.options.join('\n'),
        translations: fieldTextsForEditing(field.translations),
      })),
      language: existing?.language ?? i18n.language.slice(0, 2),
      translations: textsForEditing(existing?.translations),
    },
    validate: {
      translations: Object.fromEntries(
        SUPPORTED_LOCALES.map((locale) => [
          locale,
          {
            title: validators.maxLength(LIMITS.meetingTitleMax),
            intro: validators.maxLength(LIMITS.meetingDescriptionMax),
            consentText: validators.maxLength(LIMITS.registrationConsentMax),
          },
        ]),
      ) as never,
    },
  });
  const values = form.getValues();

  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await configure({
        variables: {
          input: {
            meetingId: meeting.id,
            slug: v.slug.trim(),
            isOpen: v.isOpen,
            capacity: v.capacity === '' ? null : Number(v.capacity),
            waitlistEnabled: v.waitlistEnabled,
            deadline: v.deadline || null,
            requiresApproval: v.requiresApproval,
            retentionDays: Number(v.retentionDays),
            consentText: v.consentText.trim(),
            fields: v.fields.map((field) => {
              const options = field.kind === 'CHOICE' ? optionLines(field.options) : [];
              return {
                id: field.id,
                label: field.label.trim(),
                kind: field.kind,
                required: field.required,
                options,
                translations: fieldTextsInput(field.translations, v.language, options.length),
              };
            }),
            language: v.language,
            translations: textsInput(v.translations, v.language),
          },
        },
      });
      notify.success(t('event.saved'));
      onClose();
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error, (field) => {
        const question = /^fields\.(\d+)\.(label|options)$/.exec(field);
        if (question) return `fields.${question[1]}.${question[2]}`;
        if (/^(fields\.\d+\.)?translations\.\d+\./.test(field)) return translatedFieldPath(field, v);
        return field in values && field !== 'fields' ? field : null;
      });
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Text size="sm" c="gray.7" mb="md">
        {t('event.configIntro')}
      </Text>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Switch label={t('event.isOpen')} {...form.getInputProps('isOpen', { type: 'checkbox' })} />
        <TextInput
          label={t('event.slug')}
          description={t('event.slugHint')}
          required
          dir="ltr"
          maxLength={64}
          {...form.getInputProps('slug')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('event.capacity')}
            description={t('event.capacityHint')}
            min={1}
            max={100_000}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <TextInput
            type="datetime-local"
            label={t('event.deadline')}
            description={t('event.deadlineHint', { timeZone: meeting.timeZone })}
            {...form.getInputProps('deadline')}
          />
        </SimpleGrid>
        <Checkbox label={t('event.waitlist')} {...form.getInputProps('waitlistEnabled', { type: 'checkbox' })} />
        <Checkbox
          label={t('event.requiresApproval')}
          {...form.getInputProps('requiresApproval', { type: 'checkbox' })}
        />
        <NumberInput
          label={t('event.retentionDays')}
          description={t('event.retentionHint')}
          min={0}
          max={LIMITS.registrationRetentionMaxDays}
          allowDecimal={false}
          w={{ base: '100%', sm: 320 }}
          {...form.getInputProps('retentionDays')}
        />
        <LimitedTextarea
          label={t('event.consentText')}
          description={t('event.consentTextHint')}
          required
          autosize
          minRows={2}
          limit={LIMITS.registrationConsentMax}
          dir="auto"
          {...form.getInputProps('consentText')}
        />
        <fieldset className="convene-fieldset">
          <legend>
            <Text fw={500} size="sm">
              {t('event.questions')}
            </Text>
          </legend>
          <Text size="xs" c="gray.7" mb="xs">
            {t('event.questionsIntro')}
          </Text>
          <Stack gap="sm">
            {values.fields.map((field, index) => (
              <Paper key={field.key} withBorder p="sm" radius="sm">
                <Group justify="space-between" mb={4}>
                  <Text size="sm" fw={600}>
                    {t('event.question', { number: index + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('event.removeQuestion', { number: index + 1 })}
                    onClick={() => form.removeListItem('fields', index)}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                </Group>
                <Stack gap="xs">
                  <TextInput
                    label={t('event.label')}
                    required
                    maxLength={LIMITS.registrationFieldLabelMax}
                    dir="auto"
                    {...form.getInputProps(`fields.${index}.label`)}
                  />
                  <Group gap="md" align="flex-end">
                    <Select
                      label={t('event.kind')}
                      allowDeselect={false}
                      w={240}
                      data={KINDS.map((kind) => ({ value: kind, label: t(`event.kinds.${kind}`) }))}
                      {...form.getInputProps(`fields.${index}.kind`)}
                    />
                    <Checkbox
                      label={t('event.required')}
                      mb={8}
                      {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })}
                    />
                  </Group>
                  {field.kind === 'CHOICE' && (
                    <Textarea
                      label={t('event.options')}
                      description={t('event.optionsHint')}
                      autosize
                      minRows={3}
                      dir="auto"
                      {...form.getInputProps(`fields.${index}.options`)}
                    />
                  )}
                </Stack>
              </Paper>
            ))}
            {values.fields.length < LIMITS.registrationFieldsMax && (
              <Button
                variant="subtle"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  form.insertListItem('fields', {
                    key: nextKey(),
                    id: null,
                    label: '',
                    kind: 'TEXT',
                    required: false,
                    options: '',
                    translations: fieldTextsForEditing(null),
                  })
                }
              >
                {t('event.addQuestion')}
              </Button>
            )}
          </Stack>
        </fieldset>
        <FormLanguagesSection
          form={form}
          texts={[
            { key: 'title', label: t('event.translatedTitle'), limit: LIMITS.meetingTitleMax },
            {
              key: 'intro',
              label: t('event.translatedDescription'),
              description: t('event.translatedDescriptionHint'),
              long: true,
              limit: LIMITS.meetingDescriptionMax,
            },
            { key: 'consentText', label: t('event.consentText'), long: true, limit: LIMITS.registrationConsentMax },
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('event.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
