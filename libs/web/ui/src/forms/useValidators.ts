import { EMAIL_PATTERN } from '@convene/shared-contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Rule = (value: string) => string | null;

/**
 * Client-side checks for Mantine forms. Messages are looked up when a rule runs, so they follow
 * the language chosen at that moment.
 */
export function useValidators() {
  const { i18n } = useTranslation('ui');
  return useMemo(() => {
    const t = i18n.getFixedT(null, 'ui');
    const required: Rule = (value) => (value.trim() ? null : t('validation.required'));
    const email: Rule = (value) => (EMAIL_PATTERN.test(value.trim()) ? null : t('validation.email'));
    const minLength =
      (count: number): Rule =>
      (value) =>
        value.length >= count ? null : t('validation.minLength', { count });
    const maxLength =
      (count: number): Rule =>
      (value) =>
        value.length <= count ? null : t('validation.maxLength', { count });
    const all =
      (...rules: Rule[]): Rule =>
      (value) => {
        for (const rule of rules) {
          const message = rule(value);
          if (message) return message;
        }
        return null;
      };
    return { required, email, minLength, maxLength, all };
  }, [i18n]);
}
