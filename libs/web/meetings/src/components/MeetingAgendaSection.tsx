import { Anchor, Text } from '@mantine/core';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { paths, SectionCard } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A meeting's agenda: its text, and the document it links to. */
export function MeetingAgendaSection({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  return (
    <SectionCard id="meeting-agenda" title={t('meeting.agenda')}>
      {meeting.agendaText ? (
        <div className="convene-meeting-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: meeting.agendaHtml }} />
      ) : (
        !meeting.agendaDocument && (
          <Text size="sm" c="gray.7">
            {t('meeting.noAgenda')}
          </Text>
        )
      )}
      {meeting.agendaDocument && (
        <Anchor
          component={Link}
          to={paths.document(meeting.agendaDocument.id)}
          size="sm"
          display="block"
          mt="xs"
          dir="auto"
        >
          {t('meeting.agendaDocument', { title: meeting.agendaDocument.title })}
        </Anchor>
      )}
    </SectionCard>
  );
}
