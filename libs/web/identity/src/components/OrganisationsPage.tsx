import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PartnerOrganisationsDocument, useViewer } from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle, paths } from '@convene/web-ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { descriptionIn } from '../utils/organisation.util';

// Only network admins add organisations: the form's code loads when one opens it.
const OrganisationFormModal = lazy(() =>
  import('./OrganisationFormModal').then((module) => ({ default: module.OrganisationFormModal })),
);

/** /organisations: the network's partner organisations; network admins add them and see archived ones. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation('account');
  const { viewer } = useViewer();
  const isAdmin = viewer?.networkRole === 'ADMIN';
  const [includeArchived, setIncludeArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const organisations = useQuery(PartnerOrganisationsDocument, {
    variables: { includeArchived: isAdmin && includeArchived },
    fetchPolicy: 'cache-and-network',
  });

  return (
    <>
      <PageTitle>{t('organisations.title')}</PageTitle>
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw={720}>
          {t('organisations.intro')}
        </Text>
        {isAdmin && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Switch
              label={t('organisations.showArchived')}
              checked={includeArchived}
              onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
            />
            <Button onClick={() => setAdding(true)}>{t('organisations.add')}</Button>
          </Group>
        )}
        {organisations.loading && !organisations.data ? (
          <PageLoader />
        ) : !organisations.data ? (
          <PageError error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : organisations.data.partnerOrganisations.length === 0 ? (
          <Text c="dimmed">{t('organisations.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {organisations.data.partnerOrganisations.map((org) => (
              <Card key={org.id} withBorder padding="md" component="article">
                <Stack gap={6}>
                  <Anchor component={Link} to={paths.organisation(org.id)} fw={600} dir="auto">
                    {org.name}
                  </Anchor>
                  <Group gap={6}>
                    <Badge variant="light" color="indigo" tt="none">
                      {t(`organisations.kinds.${org.kind}`)}
                    </Badge>
                    {org.archivedAt && (
                      <Badge variant="light" color="gray" c="gray.9" tt="none">
                        {t('organisations.archived')}
                      </Badge>
                    )}
                    {!!org.pendingAffiliationCount && (
                      <Badge variant="light" color="orange" c="gray.9" tt="none">
                        {t('organisations.waiting', { count: org.pendingAffiliationCount })}
                      </Badge>
                    )}
                  </Group>
                  {org.area && (
                    <Text size="sm" c="dimmed" dir="auto">
                      {org.area}
                    </Text>
                  )}
                  <Text size="sm" lineClamp={3} dir="auto">
                    {descriptionIn(org.descriptions, i18n.language)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {adding && (
        <Suspense fallback={null}>
          <OrganisationFormModal
            organisation={null}
            onClose={() => setAdding(false)}
            onSaved={(id) => {
              setAdding(false);
              void navigate(paths.organisation(id));
            }}
          />
        </Suspense>
      )}
    </>
  );
}
