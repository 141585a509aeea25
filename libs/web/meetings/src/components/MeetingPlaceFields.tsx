import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { LIMITS } from '@convene/shared-contracts';
import { LimitedTextarea } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

type PlaceField = 'location' | 'onlineUrl' | 'description';

/** Where a meeting happens and what it is about: the fields a meeting and a poll to find its time share. */
export function MeetingPlaceFields({
  inputProps,
  descriptionRows,
}: {
  /** The form's props for each field (`form.getInputProps`). */
  inputProps: (field: PlaceField) => GetInputPropsReturnType;
  descriptionRows: number;
}) {
  const { t } = useTranslation('meetings');
  return (
    <>
      <TextInput
        label={t('form.location')}
        description={t('form.locationHint')}
        maxLength={LIMITS.meetingLocationMax}
        dir="auto"
        {...inputProps('location')}
      />
      <TextInput
        type="url"
        label={t('form.onlineUrl')}
        description={t('form.onlineUrlHint')}
        maxLength={LIMITS.meetingUrlMax}
        dir="ltr"
        {...inputProps('onlineUrl')}
      />
      <LimitedTextarea
        label={t('form.description')}
        autosize
        minRows={descriptionRows}
        limit={LIMITS.meetingDescriptionMax}
        dir="auto"
        {...inputProps('description')}
      />
    </>
  );
}
