import { Badge, Box, Button, Group, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  MyDataExportsDocument,
  RequestDataExportDocument,
  toApiError,
  type DataExportFieldsFragment,
} from '@convene/web-data-access';
import { ErrorAlert, PageError, PageLoader, useFileSize, useFormatDateTime } from '@convene/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataExportState, isPreparingAny, type DataExportState } from '../utils/data-export.util';

/** How often the list is asked for again while a copy is being prepared. */
const POLL_MS = 3000;

const STATE_COLORS: Record<DataExportState, string> = {
  preparing: 'indigo',
  ready: 'teal',
  expired: 'gray',
  failed: 'red',
};

/** "Your data": what a copy holds, asking for one, and the copies being prepared or ready to download. */
export function DataExportSection() {
  const { t } = useTranslation('account');
  const exports = useQuery(MyDataExportsDocument, { fetchPolicy: 'cache-and-network' });
  const [request, requesting] = useMutation(RequestDataExportDocument, {
    refetchQueries: [MyDataExportsDocument],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);
  // Copies seen being prepared during this visit: when one is done, the status line says so.
  const [watched, setWatched] = useState<string[]>([]);
  const rows = exports.data?.myDataExports ?? [];
  const preparing = isPreparingAny(rows);

  const { startPolling, stopPolling } = exports;
  useEffect(() => {
    if (!preparing) return undefined;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [preparing, startPolling, stopPolling]);

  const pendingIds = rows.filter((row) => row.status === 'PENDING').map((row) => row.id);
  const newlyPending = pendingIds.filter((id) => !watched.includes(id)).join(' ');
  useEffect(() => {
    if (newlyPending) setWatched((ids) => [...ids, ...newlyPending.split(' ')]);
  }, [newlyPending]);

  const ask = () => {
    setFailure(null);
    request()
      .then(({ data }) => {
        // Watched from the start, even if the worker is done before the list is fetched again.
        const id = data?.requestDataExport.id;
        if (id) setWatched((ids) => (ids.includes(id) ? ids : [...ids, id]));
      })
      .catch((error: unknown) => {
        const { code, reason } = toApiError(error);
        if (reason === 'EXPORT_IN_PROGRESS') setFailure({ error, message: t('security.data.inProgress') });
        else if (code === 'RATE_LIMITED') setFailure({ error, message: t('security.data.rateLimited') });
        else setFailure({ error, message: null });
        void exports.refetch().catch(() => undefined);
      });
  };

  const finished = rows.find((row) => watched.includes(row.id) && row.status !== 'PENDING');
  const status = preparing
    ? t('security.data.preparingStatus')
    : finished?.status === 'READY'
      ? t('security.data.readyStatus')
      : finished?.status === 'FAILED'
        ? t('security.data.failedStatus')
        : '';

  return (
    <Stack gap="md" align="flex-start">
      <Text size="sm">{t('security.data.intro')}</Text>
      <List size="sm" spacing={4} ps="xs">
        <List.Item>{t('security.data.contents.account')}</List.Item>
        <List.Item>{t('security.data.contents.memberships')}</List.Item>
        <List.Item>{t('security.data.contents.posts')}</List.Item>
        <List.Item>{t('security.data.contents.documents')}</List.Item>
        <List.Item>{t('security.data.contents.meetings')}</List.Item>
        <List.Item>{t('security.data.contents.notifications')}</List.Item>
        <List.Item>{t('security.data.contents.mail')}</List.Item>
      </List>
      <Text size="sm">{t('security.data.keptFor')}</Text>
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <Box>
        <Button onClick={ask} loading={requesting.loading} disabled={preparing}>
          {t('security.data.request')}
        </Button>
        {/* Always in the page (empty, it takes no room), so screen readers announce it when "preparing" turns to "ready". */}
        <Text size="sm" role="status" aria-live="polite" fw={500} mt={status ? 'sm' : 0}>
          {status}
        </Text>
      </Box>
      <ExportList
        loading={exports.loading && !exports.data}
        error={exports.data ? undefined : exports.error}
        onRetry={() => void exports.refetch().catch(() => undefined)}
        rows={rows}
      />
    </Stack>
  );
}

function ExportList({
  rows,
  loading,
  error,
  onRetry,
}: {
  rows: DataExportFieldsFragment[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation('account');
  if (loading) return <PageLoader />;
  if (error) return <PageError error={error} onRetry={onRetry} />;
  if (!rows.length) return null;
  return (
    <Stack
      component="ul"
      gap="sm"
      m={0}
      p={0}
      w="100%"
      style={{ listStyle: 'none' }}
      aria-label={t('security.data.listLabel')}
    >
      {rows.map((row) => (
        <ExportItem key={row.id} row={row} />
      ))}
    </Stack>
  );
}

function ExportItem({ row }: { row: DataExportFieldsFragment }) {
  const { t } = useTranslation('account');
  const formatDateTime = useFormatDateTime();
  const fileSize = useFileSize();
  const state = dataExportState(row, Date.now());
  const titleId = `data-export-${row.id}`;
  const detail =
    state === 'ready'
      ? [
          row.size !== null ? fileSize(row.size) : null,
          row.expiresAt ? t('security.data.deletedOn', { date: formatDateTime(row.expiresAt) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : t(`security.data.hint.${state}`);

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" gap="sm">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600} size="sm" id={titleId}>
              {t('security.data.askedOn', { date: formatDateTime(row.createdAt) })}
            </Text>
            <Badge
              color={STATE_COLORS[state]}
              variant="light"
              c="gray.9"
              tt="none"
              size="sm"
              leftSection={state === 'preparing' ? <Loader size={10} color="indigo" aria-hidden /> : undefined}
            >
              {t(`security.data.state.${state}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        </Stack>
        {state === 'ready' && row.downloadUrl && (
          // Same-origin: the session cookie goes with it, and the server names the file.
          <Button
            component="a"
            href={row.downloadUrl}
            download
            size="xs"
            variant="light"
            aria-describedby={titleId}
            style={{ flexShrink: 0 }}
          >
            {t('security.data.download')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
