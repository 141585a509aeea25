import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS, PartnerOrganisationKind, SUPPORTED_LOCALES } from '@convene/shared-contracts';
import {
  CreatePartnerOrganisationDocument,
  UpdatePartnerOrganisationDocument,
  type OrganisationSummaryFieldsFragment,
} from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, LimitedTextarea, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Values {
  name: string;
  kind: PartnerOrganisationKind;
  area: string;
  website: string;
  /** One per language of the network, in SUPPORTED_LOCALES order: the API names problems by index. */
  descriptions: { language: string; text: string }[];
}

/** Adds an organisation (`organisation` null) or edits one: network admins. */
export function OrganisationFormModal({
  organisation,
  onClose,
  onSaved,
}: {
  organisation: OrganisationSummaryFieldsFragment | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const validators = useValidators();
  const [create, created] = useMutation(CreatePartnerOrganisationDocument, {
    refetchQueries: ['PartnerOrganisations'],
  });
  const [update, updated] = useMutation(UpdatePartnerOrganisationDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: organisation?.name ?? '',
      kind:
        (organisation?.kind as PartnerOrganisationKind | undefined) ?? PartnerOrganisationKind.COMMUNITY_ORGANISATION,
      area: organisation?.area ?? '',
      website: organisation?.website ?? '',
      descriptions: SUPPORTED_LOCALES.map((language) => ({
        language,
        text: organisation?.descriptions.find((d) => d.language === language)?.text ?? '',
      })),
    },
    validate: {
      name: validators.all(validators.required, validators.maxLength(LIMITS.organisationNameMax)),
      area: validators.maxLength(LIMITS.organisationAreaMax),
      website: validators.maxLength(LIMITS.organisationWebsiteMax),
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    const input = {
      name: values.name.trim(),
      kind: values.kind,
      area: values.area.trim() || null,
      website: values.website.trim() || null,
      descriptions: values.descriptions.map((d) => ({ language: d.language, text: d.text.trim() })),
    };
    try {
      if (organisation) {
        await update({ variables: { id: organisation.id, input } });
        notify.success(t('organisations.saved'));
        onSaved(organisation.id);
      } else {
        const { data } = await create({ variables: { input } });
        notify.success(t('organisations.added'));
        if (data) onSaved(data.createPartnerOrganisation.id);
      }
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error, (field) =>
        field.startsWith('descriptions.') || field in values ? field : null,
      );
      if (!placed) setFailure(error);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={organisation ? t('organisations.editTitle') : t('organisations.addTitle')}
      closeButtonProps={{ 'aria-label': t('organisations.cancel') }}
      size="lg"
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('organisations.name')}
            required
            dir="auto"
            maxLength={LIMITS.organisationNameMax}
            {...form.getInputProps('name')}
          />
          <NativeSelect
            label={t('organisations.kind')}
            data={Object.values(PartnerOrganisationKind).map((kind) => ({
              value: kind,
              label: t(`organisations.kinds.${kind}`),
            }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('organisations.area')}
            description={t('organisations.areaHint')}
            dir="auto"
            maxLength={LIMITS.organisationAreaMax}
            {...form.getInputProps('area')}
          />
          <TextInput
            label={t('organisations.website')}
            placeholder={t('organisations.websitePlaceholder')}
            type="url"
            dir="ltr"
            maxLength={LIMITS.organisationWebsiteMax}
            {...form.getInputProps('website')}
          />
          {form.values.descriptions.map((description, index) => (
            <LimitedTextarea
              key={description.language}
              label={t(`organisations.description.${description.language as 'en' | 'ar'}`)}
              dir={description.language === 'ar' ? 'rtl' : 'ltr'}
              lang={description.language}
              autosize
              minRows={2}
              limit={LIMITS.organisationDescriptionMax}
              {...form.getInputProps(`descriptions.${index}.text`)}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('organisations.cancel')}
            </Button>
            <Button type="submit" loading={created.loading || updated.loading}>
              {organisation ? t('organisations.save') : t('organisations.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
