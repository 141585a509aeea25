import { Button, Text } from '@mantine/core';
import { SectionCard } from '@convene/web-ui';
import { useDisclosure } from '@mantine/hooks';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { EventConfigModal } from './EventConfigModal';
import { RegistrationsPanel } from './RegistrationsPanel';

/** For convenors only: a meeting's public registrations, or opening them; nothing for anyone else. */
export function MeetingRegistrationSection({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const [eventOpened, eventModal] = useDisclosure(false);
  const cancelled = meeting.status === 'CANCELLED';
  if (!meeting.viewerCanManage) return null;
  return (
    <SectionCard
      id="meeting-registration"
      title={meeting.eventForm ? t('event.registrations') : t('event.configTitle')}
      aside={
        !cancelled && (
          <Button size="xs" variant={meeting.eventForm ? 'default' : 'filled'} onClick={eventModal.open}>
            {meeting.eventForm ? t('meeting.registrationSettings') : t('meeting.openRegistration')}
          </Button>
        )
      }
    >
      {meeting.eventForm ? (
        <RegistrationsPanel meeting={meeting} />
      ) : (
        <Text size="sm" c="gray.7">
          {t('event.configIntro')}
        </Text>
      )}
      <EventConfigModal meeting={meeting} opened={eventOpened} onClose={eventModal.close} />
    </SectionCard>
  );
}
