import { Anchor, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorKind } from '../utils/two-factor.util';

export interface SecondFactorFieldProps {
  kind: SecondFactorKind;
  onKindChange: (kind: SecondFactorKind) => void;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  autoFocus?: boolean;
}

/** What `secondFactorProps` needs of a form: a `code` value and its error. */
interface CodeForm {
  values: { code: string };
  errors: Record<string, ReactNode>;
  clearFieldError: (path: 'code') => void;
  setFieldValue: (path: 'code', value: string) => void;
}

/** The field bound to a form's `code`: switching between app and recovery code clears its error. */
export function secondFactorProps(
  form: CodeForm,
  kind: SecondFactorKind,
  setKind: (kind: SecondFactorKind) => void,
): Omit<SecondFactorFieldProps, 'autoFocus'> {
  return {
    kind,
    onKindChange: (next) => {
      form.clearFieldError('code');
      setKind(next);
    },
    value: form.values.code,
    onChange: (value) => form.setFieldValue('code', value),
    error: form.errors['code'],
  };
}

/**
 * The code from an authenticator app, or (after "use a recovery code instead") one of the
 * recovery codes; switching clears what was typed so the two never mix.
 */
export function SecondFactorField({ kind, onKindChange, value, onChange, error, autoFocus }: SecondFactorFieldProps) {
  const { t } = useTranslation('identity');
  const common = {
    value,
    error,
    autoFocus,
    required: true,
    dir: 'ltr' as const,
    autoCapitalize: 'none',
    spellCheck: false,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(event.currentTarget.value),
  };
  return (
    <Stack gap={6}>
      {kind === 'app' ? (
        <TextInput
          key="app"
          label={t('secondFactor.codeLabel')}
          description={t('secondFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          classNames={{ input: 'convene-code-input' }}
          {...common}
        />
      ) : (
        <TextInput
          key="recovery"
          label={t('secondFactor.recoveryLabel')}
          description={t('secondFactor.recoveryHint')}
          autoComplete="off"
          maxLength={13}
          classNames={{ input: 'convene-code-input' }}
          {...common}
        />
      )}
      <Anchor
        component="button"
        type="button"
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          onChange('');
          onKindChange(kind === 'app' ? 'recovery' : 'app');
        }}
      >
        {kind === 'app' ? t('secondFactor.useRecovery') : t('secondFactor.useApp')}
      </Anchor>
    </Stack>
  );
}
