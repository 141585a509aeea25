import { TextInput, type TextInputProps } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { useTranslation } from 'react-i18next';

/** A discussion's title, as starting or editing it asks for it (focused when the dialog opens). */
export function ThreadTitleInput(props: TextInputProps) {
  const { t } = useTranslation('discussions');
  return (
    <TextInput
      label={t('form.title')}
      required
      maxLength={LIMITS.threadTitleMax}
      data-autofocus
      dir="auto"
      {...props}
    />
  );
}

/** A discussion's tags, written comma-separated. */
export function ThreadTagsInput(props: TextInputProps) {
  const { t } = useTranslation('discussions');
  return <TextInput label={t('form.tags')} description={t('form.tagsHint')} dir="auto" {...props} />;
}

/** The tags written in the tags field: trimmed, empty ones left out. */
export function readTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
