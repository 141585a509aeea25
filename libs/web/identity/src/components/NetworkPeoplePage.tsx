import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DeactivateAccountDocument,
  NetworkPeopleDocument,
  ReactivateAccountDocument,
  SetNetworkRoleDocument,
  toApiError,
  useViewer,
  type NetworkPersonFieldsFragment,
} from '@convene/web-data-access';
import {
  ConfirmModal,
  PageError,
  PageLoader,
  PageTitle,
  paths,
  ScrollTable,
  useFormatDateTime,
  useLoadMore,
  useNotify,
  usePageSize,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './identity.css';

const PAGE_SIZE = 50;

type PersonAction = 'makeAdmin' | 'makeOrganiser' | 'makeMember' | 'deactivate' | 'reactivate';

/** The role each role action gives. */
const ROLE_OF = { makeAdmin: 'ADMIN', makeOrganiser: 'ORGANISER', makeMember: 'MEMBER' } as const;

/** /admin/people: every account, found by name or email; admins change network roles and deactivate accounts. */
export function NetworkPeoplePage() {
  const { t } = useTranslation('account');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  return (
    <>
      <Anchor component={Link} to={paths.admin()} size="sm">
        {t('people.back')}
      </Anchor>
      <PageTitle mt="xs">{t('people.title')}</PageTitle>
      <Stack gap="md">
        <TextInput
          label={t('people.search')}
          type="search"
          maw={420}
          dir="auto"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={100}
        />
        {/* A new search starts its own list, and its own "load more". */}
        <PeopleTable key={debounced} search={debounced} />
      </Stack>
    </>
  );
}

function PeopleTable({ search }: { search: string }) {
  const { t } = useTranslation('account');
  const first = usePageSize(PAGE_SIZE);
  const people = useQuery(NetworkPeopleDocument, {
    variables: { search: search || null, first },
    fetchPolicy: 'cache-and-network',
  });
  const more = useLoadMore();
  const [exhausted, setExhausted] = useState(false);

  if (people.loading && !people.data) return <PageLoader />;
  if (!people.data) return <PageError error={people.error} onRetry={() => void people.refetch()} />;
  const list = people.data.networkPeople;
  if (list.length === 0) return <Text c="dimmed">{t('people.none')}</Text>;

  const loadMore = () =>
    more.run(async () => {
      const { data } = await people.fetchMore({
        variables: { after: list[list.length - 1]?.id },
        updateQuery: (previous, { fetchMoreResult }) => ({
          networkPeople: [...previous.networkPeople, ...fetchMoreResult.networkPeople],
        }),
      });
      if ((data?.networkPeople.length ?? 0) < first) setExhausted(true);
    });

  return (
    <Stack gap="md" align="flex-start">
      <ScrollTable minWidth={860} label={t('people.title')}>
        <Table className="convene-admin-table" verticalSpacing="sm" striped aria-label={t('people.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.name')}</Table.Th>
              <Table.Th>{t('people.email')}</Table.Th>
              <Table.Th>{t('people.networkRole')}</Table.Th>
              <Table.Th>{t('people.twoFactor')}</Table.Th>
              <Table.Th>{t('people.status')}</Table.Th>
              <Table.Th>{t('people.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((person) => (
              <PersonRow key={person.id} person={person} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {list.length >= first && !exhausted && (
        <Button variant="default" onClick={loadMore} loading={more.loading}>
          {t('people.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function PersonRow({ person }: { person: NetworkPersonFieldsFragment }) {
  const { t } = useTranslation('account');
  const { viewer } = useViewer();
  const formatDateTime = useFormatDateTime();
  const [pending, setPending] = useState<PersonAction | null>(null);
  const isViewer = viewer?.id === person.id;
  // The other roles they could have, then (de)activation.
  const actions: PersonAction[] = [
    ...(['makeAdmin', 'makeOrganiser', 'makeMember'] as const).filter((a) => ROLE_OF[a] !== person.networkRole),
    person.deactivatedAt ? 'reactivate' : 'deactivate',
  ];

  return (
    <Table.Tr>
      <Table.Td className="convene-wrap">
        <Group gap="xs">
          <Text size="sm" fw={500} dir="auto">
            {person.displayName}
          </Text>
          {isViewer && (
            <Badge size="sm" variant="light" c="gray.9" tt="none">
              {t('people.you')}
            </Badge>
          )}
        </Group>
        {person.organisation && (
          <Text size="xs" c="dimmed" dir="auto">
            {person.organisation.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" dir="ltr" style={{ textAlign: 'start' }}>
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`people.roles.${person.networkRole}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={person.twoFactorEnabled ? 'teal' : 'gray'} c="gray.9" tt="none">
          {person.twoFactorEnabled ? t('people.twoFactorOn') : t('people.twoFactorOff')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {person.deactivatedAt ? (
          <Text size="sm" c="red.8" fw={500}>
            {t('people.deactivatedOn', { date: formatDateTime(person.deactivatedAt) })}
          </Text>
        ) : (
          <Text size="sm">{t('people.active')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {!isViewer && (
          <Group gap="xs" wrap="nowrap">
            {actions.map((action) => (
              <Button
                key={action}
                size="compact-sm"
                variant={action === 'deactivate' ? 'light' : 'default'}
                color={action === 'deactivate' ? 'red' : undefined}
                aria-label={t('people.actionFor', { action: t(`people.${action}`), name: person.displayName })}
                onClick={() => setPending(action)}
              >
                {t(`people.${action}`)}
              </Button>
            ))}
          </Group>
        )}
        {pending && <PersonActionModal person={person} action={pending} onClose={() => setPending(null)} />}
      </Table.Td>
    </Table.Tr>
  );
}

function PersonActionModal({
  person,
  action,
  onClose,
}: {
  person: NetworkPersonFieldsFragment;
  action: PersonAction;
  onClose: () => void;
}) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const [setRole, settingRole] = useMutation(SetNetworkRoleDocument);
  const [deactivate, deactivating] = useMutation(DeactivateAccountDocument);
  const [reactivate, reactivating] = useMutation(ReactivateAccountDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const name = person.displayName;
  const userId = person.id;

  const run = async () => {
    setFailure(null);
    try {
      if (action === 'makeAdmin' || action === 'makeOrganiser' || action === 'makeMember') {
        const role = ROLE_OF[action];
        await setRole({ variables: { userId, role } });
        notify.success(t('people.roleChanged', { name, role: t(`people.roles.${role}`) }));
      } else if (action === 'deactivate') {
        await deactivate({ variables: { userId } });
        notify.success(t('people.deactivated', { name }));
      } else {
        await reactivate({ variables: { userId } });
        notify.success(t('people.reactivated', { name }));
      }
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  const reason = failure ? toApiError(failure).reason : null;
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t(`people.${action}Title`, { name })}
      body={t(`people.${action}Body`)}
      keepLabel={t('people.keep')}
      confirmLabel={t(`people.${action}`)}
      loading={settingRole.loading || deactivating.loading || reactivating.loading}
      error={failure}
      errorMessage={
        reason === 'LAST_ADMIN' ? t('people.lastAdmin') : reason === 'NOT_YOURSELF' ? t('people.notYourself') : null
      }
      onConfirm={() => void run()}
    />
  );
}
