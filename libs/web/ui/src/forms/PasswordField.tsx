import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's password input with a translated show/hide toggle. The toggle's name deliberately
 * avoids the word "password" so the field's own label stays the only match for it.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation('ui');
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('password.showCharacters') }} />;
}
