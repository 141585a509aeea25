import { Box, Button } from '@mantine/core';
import type { Locale } from '@convene/shared-contracts';
import { useTranslation } from 'react-i18next';

export interface LanguageSwitcherProps {
  locale: Locale;
  onChange: (locale: Locale) => void;
}

function GlobeIcon() {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M3.6 9h16.8M3.6 15h16.8M12 3a15 15 0 0 1 0 18M12 3a15 15 0 0 0 0 18" />
    </svg>
  );
}

/**
 * With two languages a single button offering the other one is the quickest switch. Its label is
 * written in the language it switches to (and marked with lang), as people look for their own.
 */
export function LanguageSwitcher({ locale, onChange }: LanguageSwitcherProps) {
  const { t } = useTranslation('ui');
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  return (
    <Button
      variant="default"
      // On a phone the header has no room for the globe: the language's name says enough.
      leftSection={
        <Box visibleFrom="xs" display="flex">
          <GlobeIcon />
        </Box>
      }
      classNames={{ section: 'convene-language-globe' }}
      onClick={() => onChange(other)}
      title={t('language.switchTo')}
      lang={other}
      size="sm"
      px="sm"
    >
      {t(`language.${other}`)}
    </Button>
  );
}
