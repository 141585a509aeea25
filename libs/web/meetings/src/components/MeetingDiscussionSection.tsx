import { Anchor } from '@mantine/core';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { paths, SectionCard } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type LinkedThread = NonNullable<MeetingPageFieldsFragment['thread']>;

/** The discussion a meeting is linked to. */
export function MeetingDiscussionSection({ thread }: { thread: LinkedThread }) {
  const { t } = useTranslation('meetings');
  return (
    <SectionCard id="meeting-linked" title={t('meeting.linked')}>
      <Anchor component={Link} to={paths.thread(thread.id)} size="sm" dir="auto">
        {t('meeting.discussion', { title: thread.title })}
      </Anchor>
    </SectionCard>
  );
}
