import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ChooseSessionsDocument,
  MyProgrammeDocument,
  toApiError,
  type MySessionFieldsFragment,
} from '@convene/web-data-access';
import { ErrorAlert, PageError, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { browserTimeZone } from '../utils/zoned-time.util';

/**
 * A registrant's own programme on their private page: the plenaries, their workshops (with their
 * place on any waitlist), changing which workshops they picked, and the calendar of what they attend.
 */
export function MyProgrammeSection({ token, canChange }: { token: string; canChange: boolean }) {
  const { t } = useTranslation('programme');
  const time = useMeetingTime(browserTimeZone());
  const notify = useNotify();
  const { data, error, refetch } = useQuery(MyProgrammeDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [editing, setEditing] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [choose, { loading }] = useMutation(ChooseSessionsDocument, {
    update: (cache, { data: chosen }) => {
      if (chosen)
        cache.writeQuery({
          query: MyProgrammeDocument,
          variables: { token },
          data: { myProgramme: chosen.chooseSessions },
        });
    },
  });
  if (!data && error) return <PageError error={error} onRetry={() => void refetch()} />;
  const programme = data?.myProgramme ?? [];
  if (!programme.length) return null;
  const workshops = programme.filter((entry) => entry.session.kind === 'WORKSHOP');
  const fieldError = failure ? (toApiError(failure).fields['sessionIds'] ?? null) : null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-programme-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="my-programme-heading">
          {t('mine.title')}
        </Title>
        <Anchor href={`/api/registrations/${token}/programme.ics`} size="sm" download>
          {t('mine.calendar')}
        </Anchor>
      </Group>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFailure(null);
            choose({ variables: { token, sessionIds: editing } })
              .then(() => {
                notify.success(t('mine.saved'));
                setEditing(null);
              })
              .catch(setFailure);
          }}
        >
          {!fieldError && <ErrorAlert error={failure} />}
          <Checkbox.Group value={editing} onChange={setEditing} error={fieldError} label={t('picker.title')}>
            <Stack gap="xs" mt="xs">
              {workshops.map(({ session }) => (
                <Checkbox
                  key={session.id}
                  value={session.id}
                  label={session.title}
                  description={time.rangeWithZone(session.startsAt, session.endsAt)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="xs" mt="md">
            <Button type="submit" loading={loading}>
              {t('mine.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('mine.keep')}
            </Button>
          </Group>
        </form>
      ) : (
        <Stack gap="sm">
          {programme.map((entry) => (
            <SessionLine
              key={entry.session.id}
              entry={entry}
              range={time.rangeWithZone(entry.session.startsAt, entry.session.endsAt)}
            />
          ))}
          {canChange && workshops.length > 0 && (
            <Button
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setEditing(workshops.filter((entry) => entry.pick).map((entry) => entry.session.id))}
            >
              {t('mine.change')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function SessionLine({ entry, range }: { entry: MySessionFieldsFragment; range: string }) {
  const { t } = useTranslation('programme');
  const { session } = entry;
  const workshop = session.kind === 'WORKSHOP';
  const status = !workshop
    ? t('mine.everyone')
    : entry.pick === 'CONFIRMED'
      ? t('mine.confirmed')
      : entry.pick === 'WAITLISTED'
        ? entry.waitlistPosition
          ? t('mine.waitlisted', { position: entry.waitlistPosition })
          : t('mine.waitingForEvent')
        : t('mine.notPicked');
  return (
    <div>
      <Group gap="xs">
        <Text fw={600} dir="auto" c={workshop && !entry.pick ? 'gray.7' : undefined}>
          {session.title}
        </Text>
        <Badge size="sm" variant="light" color={entry.attending ? 'teal' : 'gray'} c="gray.9" tt="none">
          {status}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {[t(`kinds.${session.kind}`), range, session.room].filter(Boolean).join(' · ')}
      </Text>
    </div>
  );
}
