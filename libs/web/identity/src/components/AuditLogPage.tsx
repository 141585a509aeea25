import { Anchor, Button, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { AuditAction as AuditActions } from '@convene/shared-contracts';
import { AuditLogDocument, type AuditAction, type AuditLogQuery } from '@convene/web-data-access';
import {
  PageError,
  PageLoader,
  PageTitle,
  paths,
  ScrollTable,
  useFormatDateTime,
  useLoadMore,
  usePageSize,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './identity.css';

const PAGE_SIZE = 50;
const ACTIONS: AuditAction[] = Object.values(AuditActions);

// Details the log records, with words for their names and their usual values; anything else is shown as stored.
const DETAIL_KEYS = [
  'secondFactor',
  'from',
  'to',
  'own',
  'role',
  'status',
  'signUpMode',
  'joinPolicy',
  'memberListVisibility',
  'contentFree',
  'hasAccount',
] as const;
const DETAIL_VALUES = [
  'totp',
  'recovery',
  'none',
  'true',
  'false',
  'ADMIN',
  'ORGANISER',
  'MEMBER',
  'CONVENOR',
  'OBSERVER',
  'OPEN',
  'REQUEST',
  'INVITE_ONLY',
  'INVITATION_ONLY',
  'MEMBERS',
  'CONVENORS',
  'PENDING',
  'INVITED',
  'ACTIVE',
] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

type AuditEvent = AuditLogQuery['auditLog']['events'][number];

/** /admin/audit: security-relevant actions, newest first, filtered by action, older pages on request. */
export function AuditLogPage() {
  const { t } = useTranslation('account');
  const [action, setAction] = useState<AuditAction | ''>('');
  return (
    <>
      <Anchor component={Link} to={paths.admin()} size="sm">
        {t('audit.back')}
      </Anchor>
      <PageTitle mt="xs">{t('audit.title')}</PageTitle>
      <Stack gap="md">
        <NativeSelect
          label={t('audit.filter')}
          maw={420}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value as AuditAction | '')}
          data={[
            { value: '', label: t('audit.allActions') },
            ...ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) })),
          ]}
        />
        <AuditTable key={action} action={action || null} />
      </Stack>
    </>
  );
}

function AuditTable({ action }: { action: AuditAction | null }) {
  const { t } = useTranslation('account');
  const first = usePageSize(PAGE_SIZE);
  const log = useQuery(AuditLogDocument, { variables: { action, first }, fetchPolicy: 'cache-and-network' });
  const older = useLoadMore();

  if (log.loading && !log.data) return <PageLoader />;
  if (!log.data) return <PageError error={log.error} onRetry={() => void log.refetch()} />;
  const { events, nextCursor } = log.data.auditLog;
  if (events.length === 0) return <Text c="dimmed">{t('audit.none')}</Text>;

  const loadOlder = () =>
    older.run(() =>
      log.fetchMore({
        variables: { before: nextCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          auditLog: {
            ...fetchMoreResult.auditLog,
            events: [...previous.auditLog.events, ...fetchMoreResult.auditLog.events],
          },
        }),
      }),
    );

  return (
    <Stack gap="md" align="flex-start">
      <ScrollTable minWidth={960} label={t('audit.title')}>
        <Table className="convene-admin-table" verticalSpacing="xs" striped aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.whom')}</Table.Th>
              <Table.Th>{t('audit.group')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {nextCursor ? (
        <Button variant="default" onClick={loadOlder} loading={older.loading}>
          {t('audit.loadOlder')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('audit.end')}
        </Text>
      )}
    </Stack>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('account');
  const formatDateTime = useFormatDateTime();
  const detailName = (key: string) => (isOneOf(DETAIL_KEYS, key) ? t(`audit.detailKeys.${key}`) : key);
  const detailValue = (value: string) => (isOneOf(DETAIL_VALUES, value) ? t(`audit.values.${value}`) : value);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{formatDateTime(event.at)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {t(`audit.actions.${event.action}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto" c={event.actor ? undefined : 'dimmed'}>
          {event.actor?.displayName ?? t('audit.nobody')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto">
          {event.subject?.displayName ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="auto">
          {event.group?.name ?? ''}
        </Text>
      </Table.Td>
      <Table.Td className="convene-wrap">
        {event.detail.map((item) => (
          <Text key={item.key} size="xs">
            {detailName(item.key)}: <bdi>{detailValue(item.value)}</bdi>
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}
