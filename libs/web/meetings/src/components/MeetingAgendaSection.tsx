import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { SectionCard } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { MeetingWriting } from './MeetingWriting';

/** A meeting's agenda: its text, and the document it links to. */
export function MeetingAgendaSection({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  return (
    <SectionCard id="meeting-agenda" title={t('meeting.agenda')}>
      <MeetingWriting
        html={meeting.agendaText ? meeting.agendaHtml : null}
        document={meeting.agendaDocument}
        documentLabel={t('meeting.agendaDocument', { title: meeting.agendaDocument?.title ?? '' })}
        empty={t('meeting.noAgenda')}
      />
    </SectionCard>
  );
}
