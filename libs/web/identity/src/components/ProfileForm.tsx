import { Button, Group, Loader, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS, SUPPORTED_LOCALES } from '@convene/shared-contracts';
import { ProfileOptionsDocument, UpdateProfileDocument, type Viewer } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZoneOptions } from '../hooks/useTimeZoneOptions';

export function ProfileForm({ viewer }: { viewer: Viewer }) {
  const options = useQuery(ProfileOptionsDocument, { fetchPolicy: 'cache-and-network' });
  if (options.loading && !options.data) return <Loader size="sm" />;
  // The organisation they said they work at shows as chosen while a network admin has not decided.
  const pending = options.data?.me?.pendingOrganisation ?? null;
  return (
    <ProfileFields
      key={pending?.id ?? ''}
      viewer={viewer}
      organisations={options.data?.partnerOrganisations ?? []}
      pending={pending}
    />
  );
}

function ProfileFields({
  viewer,
  organisations: choices,
  pending,
}: {
  viewer: Viewer;
  organisations: { id: string; name: string }[];
  pending: { id: string; name: string } | null;
}) {
  const { t } = useTranslation('identity');
  const notify = useNotify();
  const validators = useValidators();
  const [updateProfile, { loading }] = useMutation(UpdateProfileDocument, { refetchQueries: ['ProfileOptions'] });
  const [failure, setFailure] = useState<unknown>(null);
  const timeZones = useTimeZoneOptions(viewer.timeZone);

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      displayName: viewer.displayName,
      organisationId: pending?.id ?? viewer.organisation?.id ?? null,
      locale: viewer.locale,
      timeZone: viewer.timeZone,
    },
    validate: {
      displayName: validators.all(validators.required, validators.maxLength(LIMITS.displayNameMax)),
      timeZone: (value: string) => validators.required(value ?? ''),
    },
  });

  const organisations = choices.map((organisation) => ({ value: organisation.id, label: organisation.name }));
  for (const own of [viewer.organisation, pending])
    if (own && !organisations.some((option) => option.value === own.id))
      organisations.push({ value: own.id, label: own.name });
  const chosen = form.values.organisationId;
  let organisationHint = t('profile.organisationHint');
  if (chosen !== null && chosen !== (viewer.organisation?.id ?? null))
    organisationHint =
      chosen === pending?.id && !form.isDirty('organisationId')
        ? t('profile.organisationPending')
        : t('profile.organisationNeedsConfirmation');

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await updateProfile({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            // Left out unless changed: saving the name must not ask again for a confirmation.
            ...(form.isDirty('organisationId') ? { organisationId: values.organisationId } : {}),
            locale: values.locale,
            timeZone: values.timeZone,
          },
        },
      });
      form.resetDirty();
      notify.success(t('profile.saved'));
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <TextInput label={t('profile.emailLabel')} value={viewer.email} readOnly variant="filled" dir="ltr" />
        <TextInput
          label={t('fields.displayName')}
          required
          maxLength={LIMITS.displayNameMax}
          autoComplete="nickname"
          {...form.getInputProps('displayName')}
        />
        <Select
          label={t('profile.organisation')}
          description={organisationHint}
          placeholder={t('profile.organisationPlaceholder')}
          data={organisations}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('profile.clearOrganisation') }}
          nothingFoundMessage={t('profile.nothingFound')}
          {...form.getInputProps('organisationId')}
        />
        <NativeSelect
          label={t('profile.language')}
          data={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }))}
          {...form.getInputProps('locale')}
        />
        <Select
          label={t('profile.timeZone')}
          description={t('profile.timeZoneHint')}
          data={timeZones}
          searchable
          allowDeselect={false}
          limit={100}
          nothingFoundMessage={t('profile.nothingFound')}
          required
          {...form.getInputProps('timeZone')}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
