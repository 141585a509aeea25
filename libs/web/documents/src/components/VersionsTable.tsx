import { ActionIcon, Anchor, Badge, Button, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { RestoreDocumentVersionDocument, type DocumentVersionFieldsFragment } from '@convene/web-data-access';
import { ScrollTable, useErrorMessage, useFileSize, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

/** Every version of a document, newest first, each downloadable; editors can make an earlier one current again. */
export function VersionsTable({
  documentId,
  versions,
  current,
  canEdit,
}: {
  documentId: string;
  versions: DocumentVersionFieldsFragment[];
  current: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const formatDateTime = useFormatDateTime();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [restore, { loading }] = useMutation(RestoreDocumentVersionDocument);

  return (
    <ScrollTable minWidth={720} label={t('versions.title')}>
      <Table className="convene-doc-table" verticalSpacing="xs" aria-label={t('versions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('versions.number')}</Table.Th>
            <Table.Th>{t('versions.fileName')}</Table.Th>
            <Table.Th>{t('versions.size')}</Table.Th>
            <Table.Th>{t('versions.uploader')}</Table.Th>
            <Table.Th>{t('versions.date')}</Table.Th>
            <Table.Th>{t('versions.checksum')}</Table.Th>
            <Table.Th>{t('versions.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id} data-version={version.number}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {t('versions.short', { number: version.number })}
                  </Text>
                  {version.number === current && (
                    <Badge size="sm" color="teal" c="gray.9" variant="light" tt="none">
                      {t('versions.current')}
                    </Badge>
                  )}
                </Group>
                {version.restoredFrom != null && (
                  <Text size="xs" c="gray.7">
                    {t('versions.restoredFrom', { number: version.restoredFrom })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="convene-doc-name">
                <Text size="sm" dir="auto" style={{ wordBreak: 'break-all' }}>
                  {version.fileName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fileSize(version.size)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {version.uploadedBy?.displayName ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(version.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" className="convene-sha" title={version.sha256}>
                    {version.sha256.slice(0, 12)}…
                  </Text>
                  <CopyButton value={version.sha256} timeout={1500}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? t('versions.copied') : t('versions.copy')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color={copied ? 'teal' : 'gray'}
                          size="sm"
                          onClick={copy}
                          aria-label={t('versions.copy')}
                        >
                          <CopyIcon copied={copied} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor
                    href={version.downloadUrl}
                    size="sm"
                    aria-label={t('versions.downloadLabel', { number: version.number })}
                  >
                    {t('versions.download')}
                  </Anchor>
                  {canEdit && version.number !== current && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={loading}
                      aria-label={t('versions.makeCurrentLabel', { number: version.number })}
                      onClick={() =>
                        void restore({ variables: { id: documentId, version: version.number } })
                          .then(() => notify.success(t('versions.madeCurrent', { number: version.number })))
                          .catch((error: unknown) => notify.error(errorMessage(error)))
                      }
                    >
                      {t('versions.makeCurrent')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function CopyIcon({ copied }: { copied: boolean }) {
  return copied ? (
    <svg
      aria-hidden="true"
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M20 6 9 17l-5-5" />
    </svg>
  ) : (
    <svg
      aria-hidden="true"
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="9" y="9" width="13" height="13" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </svg>
  );
}
