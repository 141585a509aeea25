import { Anchor, Text } from '@mantine/core';
import { SectionCard } from '@convene/web-ui';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import type { MeetingTime } from '../hooks/useMeetingTime';
import { useReminderLabel } from './ReminderChoices';

/** What a meeting is: when, where, joining online, accessibility, reminders (for convenors) and its description. */
export function MeetingAboutSection({ meeting, time }: { meeting: MeetingPageFieldsFragment; time: MeetingTime }) {
  const { t } = useTranslation('meetings');
  const viewerZone = time.timeZone;
  const reminderLabel = useReminderLabel();

  return (
    <SectionCard id="meeting-about" title={t('meeting.about')}>
      <dl className="convene-detail-list">
        <dt>{t('meeting.when')}</dt>
        <dd>{t('when.range', { range: time.range(meeting.startsAt, meeting.endsAt), timeZone: viewerZone })}</dd>
        {meeting.location && (
          <>
            <dt>{t('meeting.where')}</dt>
            <dd dir="auto" className="convene-preline">
              {meeting.location}
            </dd>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <dt>{t('meeting.online')}</dt>
            <dd>
              <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer">
                {t('meeting.join')}
              </Anchor>{' '}
              <Text span size="xs" c="gray.7" dir="ltr">
                ({meeting.onlineUrl})
              </Text>
            </dd>
          </>
        )}
        {meeting.accessibilityNotes && (
          <>
            <dt>{t('meeting.accessibility')}</dt>
            <dd dir="auto" className="convene-preline">
              {meeting.accessibilityNotes}
            </dd>
          </>
        )}
        {meeting.viewerCanManage && (
          <>
            <dt>{t('form.reminders')}</dt>
            <dd>
              {meeting.reminderMinutes.length
                ? meeting.reminderMinutes.map((m) => t('reminders.before', { time: reminderLabel(m) })).join(', ')
                : t('reminders.none')}
            </dd>
          </>
        )}
      </dl>
      {meeting.description && (
        <div
          className="convene-meeting-markdown convene-meeting-markdown-spaced"
          dir="auto"
          dangerouslySetInnerHTML={{ __html: meeting.descriptionHtml }}
        />
      )}
    </SectionCard>
  );
}
