import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isAuthenticatorCode, isRecoveryCode, type SecondFactorKind } from '../utils/two-factor.util';

/** The form rule for a second-factor field: six digits from the app, or a recovery code. */
export function useSecondFactorRule(kind: SecondFactorKind): (value: string) => string | null {
  const { t } = useTranslation('identity');
  return useCallback(
    (value: string) => {
      if (kind === 'app') return isAuthenticatorCode(value) ? null : t('secondFactor.codeInvalidFormat');
      return isRecoveryCode(value) ? null : t('secondFactor.recoveryInvalidFormat');
    },
    [kind, t],
  );
}
