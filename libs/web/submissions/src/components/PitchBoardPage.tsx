import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import {
  PitchesDocument,
  PitchFormsDocument,
  type PitchCardFieldsFragment,
  type PitchStatus,
} from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle, paths, useLoadMore, useLocale, usePageSize } from '@convene/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { byStatus, dayBoundary, PITCH_STATUSES } from '../utils/pitch-status.util';
import './submissions.css';

const PAGE_SIZE = 100;

/** The triage board: pitches to the groups the viewer convenes, in one column per status, with filters and the CSV. */
export function PitchBoardPage() {
  const { t } = useTranslation('submissions');
  const [params, setParams] = useSearchParams();
  const groupId = params.get('group') ?? '';
  const formId = params.get('form') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filtered = Boolean(groupId || formId || from || to);
  const first = usePageSize(PAGE_SIZE);
  const { data, error, loading, refetch, fetchMore } = useQuery(PitchesDocument, {
    variables: {
      groupId: groupId || null,
      formId: formId || null,
      from: dayBoundary(from),
      to: dayBoundary(to, true),
      first,
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const more = useLoadMore();
  // Forms and their groups feed the filters; people who shape no forms simply get no filters.
  const formsData = useQuery(PitchFormsDocument, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' }).data;
  const { forms, groups } = useMemo(() => {
    const forms = formsData?.pitchForms ?? [];
    const all = new Map<string, string>();
    for (const form of forms) for (const group of form.groups) all.set(group.id, group.name);
    return {
      forms,
      groups: [...all].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }, [formsData]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const csvHref = `/api/pitches.csv${groupId ? `?groupId=${encodeURIComponent(groupId)}` : ''}`;
  const pitches = data?.pitches.nodes ?? [];
  const columns = byStatus(pitches);
  const nothingAtAll = !filtered && data && pitches.length === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <PageTitle mb={4}>{t('board.title')}</PageTitle>
          <Text c="gray.7">{t('board.intro')}</Text>
        </div>
        <Group gap="xs">
          {formsData?.pitchForms && (
            <Button component={Link} to={paths.pitchForms()} variant="default">
              {t('board.forms')}
            </Button>
          )}
          {!nothingAtAll && (
            <Button component="a" href={csvHref} download variant="default" title={t('board.exportHint')}>
              {t('board.export')}
            </Button>
          )}
        </Group>
      </Group>

      {nothingAtAll ? (
        <Alert classNames={{ title: 'convene-alert-title' }} color="gray" variant="light" role="status">
          {t('board.empty')}
        </Alert>
      ) : (
        <>
          <Paper component="section" aria-labelledby="pitch-filters-heading" withBorder p="md" radius="md">
            <Title order={2} size="h5" id="pitch-filters-heading" mb="xs">
              {t('board.filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <NativeSelect
                label={t('board.group')}
                value={groupId}
                onChange={(event) => setFilter('group', event.currentTarget.value)}
                data={[{ value: '', label: t('board.allGroups') }, ...groups]}
              />
              <NativeSelect
                label={t('board.form')}
                value={formId}
                onChange={(event) => setFilter('form', event.currentTarget.value)}
                data={[
                  { value: '', label: t('board.allForms') },
                  ...forms.map((form) => ({ value: form.id, label: form.title })),
                ]}
              />
              <TextInput
                type="date"
                label={t('board.from')}
                value={from}
                max={to || undefined}
                onChange={(event) => setFilter('from', event.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('board.to')}
                value={to}
                min={from || undefined}
                onChange={(event) => setFilter('to', event.currentTarget.value)}
              />
            </SimpleGrid>
            {filtered && (
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                onClick={() => setParams(new URLSearchParams(), { replace: true })}
              >
                {t('board.clear')}
              </Button>
            )}
          </Paper>

          {!data && loading ? (
            <PageLoader />
          ) : !data && error ? (
            <PageError error={error} onRetry={() => void refetch()} />
          ) : (
            <>
              {filtered && pitches.length === 0 && (
                <Text c="gray.7" role="status">
                  {t('board.emptyFiltered')}
                </Text>
              )}
              <div className="convene-pitch-board" role="group" aria-label={t('board.columns')}>
                {PITCH_STATUSES.map((status) => (
                  <PitchColumn key={status} status={status} pitches={columns[status]} />
                ))}
              </div>
              {data?.pitches.hasNextPage && (
                <Button
                  variant="default"
                  loading={loading || more.loading}
                  style={{ alignSelf: 'center' }}
                  onClick={() =>
                    more.run(() =>
                      fetchMore({
                        variables: { after: data.pitches.endCursor },
                        updateQuery: (previous, { fetchMoreResult }) => ({
                          pitches: {
                            ...fetchMoreResult.pitches,
                            nodes: [...previous.pitches.nodes, ...fetchMoreResult.pitches.nodes],
                          },
                        }),
                      }),
                    )
                  }
                >
                  {t('board.more')}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function PitchColumn({ status, pitches }: { status: PitchStatus; pitches: PitchCardFieldsFragment[] }) {
  const { t } = useTranslation('submissions');
  const headingId = `pitch-column-${status}`;
  return (
    <section className="convene-pitch-column" aria-labelledby={headingId} data-status={status}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          {t(`status.${status}`)}
        </Title>
        <Badge color="gray" variant="light" tt="none" aria-label={t('board.count', { count: pitches.length })}>
          {pitches.length}
        </Badge>
      </Group>
      {pitches.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('board.emptyColumn')}
        </Text>
      ) : (
        <ul className="convene-pitch-cards">
          {pitches.map((pitch) => (
            <li key={pitch.id}>
              <PitchCard pitch={pitch} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PitchCard({ pitch }: { pitch: PitchCardFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const { locale } = useLocale();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(pitch.createdAt));
  return (
    <Anchor component={Link} to={paths.pitchReview(pitch.id)} className="convene-pitch-card" underline="never">
      <Text className="convene-pitch-card-title" size="sm" dir="auto">
        {pitch.title}
      </Text>
      <Text size="xs" c="gray.8" dir="auto">
        {pitch.organisationName}
      </Text>
      <Group gap={4} mt={6}>
        {pitch.groups.length === 0 && pitch.notSure ? (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {t('board.notSure')}
          </Badge>
        ) : (
          pitch.groups.map((group) => (
            <Badge
              key={group.id}
              size="xs"
              variant="light"
              color="indigo"
              tt="none"
              dir="auto"
              style={{ maxWidth: '100%' }}
            >
              {group.name}
            </Badge>
          ))
        )}
      </Group>
      <Text size="xs" c="gray.7" mt={4}>
        {t('board.received', { date })}
      </Text>
    </Anchor>
  );
}
