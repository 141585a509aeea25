import { Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ArchivePartnerOrganisationDocument,
  DecideAffiliationDocument,
  MergePartnerOrganisationsDocument,
  PartnerOrganisationsDocument,
  RestorePartnerOrganisationDocument,
  type OrganisationSummaryFieldsFragment,
  type PartnerOrganisationPageQuery,
} from '@convene/web-data-access';
import {
  ConfirmModal,
  ErrorAlert,
  paths,
  ScrollTable,
  SectionCard,
  useErrorMessage,
  useFormatDateTime,
  useNotify,
} from '@convene/web-ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const OrganisationFormModal = lazy(() =>
  import('./OrganisationFormModal').then((module) => ({ default: module.OrganisationFormModal })),
);

type Page = PartnerOrganisationPageQuery['partnerOrganisation'];

/** A network admin's tools on an organisation's page: people waiting for confirmation, edit, archive, merge. */
export function OrganisationAdminPanel({ organisation }: { organisation: Page & OrganisationSummaryFieldsFragment }) {
  const { t } = useTranslation('account');
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="lg">
      <PendingAffiliations organisation={organisation} />
      <SectionCard id="organisation-admin-heading" title={t('organisations.manage')}>
        <Stack gap="md" align="flex-start">
          <Group gap="sm">
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('organisations.edit')}
            </Button>
            <ArchiveButton organisation={organisation} />
          </Group>
          <MergeForm organisation={organisation} />
        </Stack>
      </SectionCard>
      {editing && (
        <Suspense fallback={null}>
          <OrganisationFormModal
            organisation={organisation}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        </Suspense>
      )}
    </Stack>
  );
}

function PendingAffiliations({ organisation }: { organisation: Page }) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const formatDateTime = useFormatDateTime();
  const [decide, decision] = useMutation(DecideAffiliationDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const pending = organisation.pendingAffiliations ?? [];

  const run = async (userId: string, confirm: boolean) => {
    setFailure(null);
    try {
      await decide({ variables: { input: { userId, organisationId: organisation.id, confirm } } });
      notify.success(confirm ? t('organisations.confirmed') : t('organisations.declined'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <SectionCard id="organisation-pending-heading" title={t('organisations.pending')}>
      <ErrorAlert error={failure} />
      {pending.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organisations.noPending')}
        </Text>
      ) : (
        <ScrollTable minWidth={480} label={t('organisations.pending')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.person')}</Table.Th>
                <Table.Th>{t('organisations.since')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('organisations.decision')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((person) => (
                <Table.Tr key={person.userId}>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {person.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {person.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(person.since)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        loading={decision.loading}
                        onClick={() => void run(person.userId, true)}
                        aria-label={t('organisations.confirmPerson', { name: person.displayName })}
                      >
                        {t('organisations.confirm')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={decision.loading}
                        onClick={() => void run(person.userId, false)}
                        aria-label={t('organisations.declinePerson', { name: person.displayName })}
                      >
                        {t('organisations.decline')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </SectionCard>
  );
}

function ArchiveButton({ organisation }: { organisation: Page }) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const describeError = useErrorMessage();
  const [opened, setOpened] = useState(false);
  const options = { refetchQueries: ['PartnerOrganisations'] };
  const [archive, archiving] = useMutation(ArchivePartnerOrganisationDocument, options);
  const [restore, restoring] = useMutation(RestorePartnerOrganisationDocument, options);

  if (organisation.archivedAt)
    return (
      <Button
        variant="light"
        loading={restoring.loading}
        onClick={() =>
          void restore({ variables: { id: organisation.id } })
            .then(() => notify.success(t('organisations.restored')))
            .catch((error: unknown) => notify.error(describeError(error)))
        }
      >
        {t('organisations.restore')}
      </Button>
    );
  return (
    <>
      <Button variant="light" color="red" onClick={() => setOpened(true)}>
        {t('organisations.archive')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('organisations.archiveTitle', { name: organisation.name })}
        body={t('organisations.archiveBody')}
        keepLabel={t('organisations.cancel')}
        confirmLabel={t('organisations.archive')}
        loading={archiving.loading}
        error={archiving.error}
        onConfirm={() =>
          // A failure shows in the dialog (archiving.error).
          void archive({ variables: { id: organisation.id } })
            .then(() => {
              setOpened(false);
              notify.success(t('organisations.archivedNotice'));
            })
            .catch(() => undefined)
        }
      />
    </>
  );
}

function MergeForm({ organisation }: { organisation: Page }) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const navigate = useNavigate();
  const [targetId, setTargetId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const others = useQuery(PartnerOrganisationsDocument, { variables: { includeArchived: false } });
  const [merge, merging] = useMutation(MergePartnerOrganisationsDocument, {
    refetchQueries: ['PartnerOrganisations'],
  });
  const choices = (others.data?.partnerOrganisations ?? [])
    .filter((org) => org.id !== organisation.id)
    .map((org) => ({ value: org.id, label: org.name }));
  const target = choices.find((choice) => choice.value === targetId);

  return (
    <Stack gap="xs" w="100%" maw={480}>
      <Select
        label={t('organisations.mergeInto')}
        description={t('organisations.mergeHint')}
        data={choices}
        value={targetId}
        onChange={setTargetId}
        searchable
        clearable
        nothingFoundMessage={t('organisations.none')}
      />
      <Group>
        <Button variant="light" color="red" disabled={!target} onClick={() => setConfirming(true)}>
          {t('organisations.merge')}
        </Button>
      </Group>
      {target && (
        <ConfirmModal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={t('organisations.mergeTitle')}
          body={t('organisations.mergeBody', { source: organisation.name, target: target.label })}
          keepLabel={t('organisations.cancel')}
          confirmLabel={t('organisations.merge')}
          loading={merging.loading}
          error={merging.error}
          onConfirm={() =>
            // A failure shows in the dialog (merging.error).
            void merge({ variables: { sourceId: organisation.id, targetId: target.value } })
              .then(() => {
                setConfirming(false);
                notify.success(t('organisations.merged'));
                void navigate(paths.organisation(target.value), { replace: true });
              })
              .catch(() => undefined)
          }
        />
      )}
    </Stack>
  );
}
