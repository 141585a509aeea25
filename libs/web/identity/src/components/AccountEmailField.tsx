import { TextInput, type TextInputProps } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { useTranslation } from 'react-i18next';

/** The address of one's own account, as password managers expect it (sign-in, forgotten password). */
export function AccountEmailField(props: TextInputProps) {
  const { t } = useTranslation('identity');
  return (
    <TextInput
      label={t('fields.email')}
      type="email"
      autoComplete="username"
      inputMode="email"
      dir="ltr"
      required
      maxLength={LIMITS.emailMax}
      {...props}
    />
  );
}
