import { Text } from '@mantine/core';
import type { PublicEventFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { browserTimeZone } from '../utils/zoned-time.util';
import './meetings.css';

/** An open event as a visitor reads it: when (in its zone and theirs), where, online, accessibility, what. */
export function EventDetails({
  event,
  onlineUrl,
}: {
  event: PublicEventFieldsFragment & { lang?: { description: string } };
  onlineUrl?: string | null;
}) {
  const { t } = useTranslation('meetings');
  const visitorZone = browserTimeZone();
  const own = useMeetingTime(event.timeZone);
  const visitor = useMeetingTime(visitorZone);
  return (
    <>
      <dl className="convene-detail-list">
        <dt>{t('meeting.when')}</dt>
        <dd>
          <Text fw={600} className="convene-meeting-date">
            {t('public.eventZone', { range: own.range(event.startsAt, event.endsAt), timeZone: event.timeZone })}
          </Text>
          {visitorZone !== event.timeZone && (
            <Text size="sm" c="gray.7">
              {t('public.yourZone', { range: visitor.range(event.startsAt, event.endsAt), timeZone: visitorZone })}
            </Text>
          )}
        </dd>
        {event.location && (
          <>
            <dt>{t('meeting.where')}</dt>
            <dd dir="auto" className="convene-preline">
              {event.location}
            </dd>
          </>
        )}
        {(event.online || onlineUrl) && (
          <>
            <dt>{t('meeting.online')}</dt>
            <dd>
              {onlineUrl ? (
                <a href={onlineUrl} target="_blank" rel="noopener noreferrer">
                  {onlineUrl}
                </a>
              ) : (
                <Text size="sm">{event.location ? t('public.online') : t('public.onlineOnly')}</Text>
              )}
            </dd>
          </>
        )}
        {event.accessibilityNotes && (
          <>
            <dt>{t('public.accessibility')}</dt>
            <dd dir="auto" className="convene-preline">
              {event.accessibilityNotes}
            </dd>
          </>
        )}
      </dl>
      {event.description && (
        <div
          className="convene-meeting-markdown convene-meeting-markdown-spaced"
          dir="auto"
          lang={event.lang?.description}
          dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
        />
      )}
    </>
  );
}
