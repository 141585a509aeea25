import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { useLocale } from '@convene/web-ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../utils/zoned-time.util';

type Repeats = NonNullable<MeetingPageFieldsFragment['repeats']>;

/** A Sunday, to name weekdays from (0 Sunday … 6 Saturday). */
const SUNDAY = Date.UTC(2026, 0, 4, 12);

/** How a series repeats, in the reader's language: "monthly on the third Friday", "كل أسبوعين، يوم الخميس". */
export function useRepeatsText(): (repeats: Repeats) => string {
  const { t } = useTranslation('meetings');
  const { locale } = useLocale();
  return useCallback(
    (repeats: Repeats) => {
      const weekday = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
        new Date(SUNDAY + repeats.weekday * 86_400_000),
      );
      if (repeats.frequency === 'WEEKLY') return t('repeats.weekly', { count: repeats.interval, weekday });
      const which =
        repeats.position === -1
          ? t('repeats.which.last')
          : t(`repeats.which.${String(repeats.position) as '1' | '2' | '3' | '4'}`);
      return t('repeats.monthly', { count: repeats.interval, weekday, which });
    },
    [t, locale],
  );
}
