import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PartnerOrganisationPageDocument, toApiError, useViewer } from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader, PageTitle, paths, SectionCard, useFormatDateTime } from '@convene/web-ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { descriptionIn } from '../utils/organisation.util';

// Editing, archiving, merging and confirming people are for network admins: loaded for them only.
const OrganisationAdminPanel = lazy(() =>
  import('./OrganisationAdminPanel').then((module) => ({ default: module.OrganisationAdminPanel })),
);

/**
 * /organisations/:id: what the organisation is (in the reader's language, else English), its
 * confirmed people as their groups' member lists show them, the groups they take part in, and
 * for those who triage them the pitches its people sent.
 */
export function OrganisationPage() {
  const { t, i18n } = useTranslation('account');
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const formatDateTime = useFormatDateTime();
  const page = useQuery(PartnerOrganisationPageDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });

  if (page.loading && !page.data) return <PageLoader />;
  if (!page.data) {
    const code = toApiError(page.error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NotFoundPage />;
    return <PageError error={page.error} onRetry={() => void page.refetch()} />;
  }
  const org = page.data.partnerOrganisation;
  const description = descriptionIn(org.descriptions, i18n.language);

  return (
    <>
      <Anchor component={Link} to={paths.organisations()} size="sm">
        {t('organisations.back')}
      </Anchor>
      <PageTitle mt="xs" dir="auto">
        {org.name}
      </PageTitle>
      <Stack gap="lg">
        <Stack gap="xs">
          <Group gap={6}>
            <Badge variant="light" color="indigo" tt="none">
              {t(`organisations.kinds.${org.kind}`)}
            </Badge>
            {org.archivedAt && (
              <Badge variant="light" color="gray" c="gray.9" tt="none">
                {t('organisations.archived')}
              </Badge>
            )}
          </Group>
          {org.area && (
            <Text size="sm">
              {t('organisations.areaServed')}: <span dir="auto">{org.area}</span>
            </Text>
          )}
          {org.website && (
            <Anchor href={org.website} target="_blank" rel="noopener noreferrer" size="sm" dir="ltr">
              {org.website}
            </Anchor>
          )}
          {description && (
            <Text maw={720} dir="auto" className="convene-preline">
              {description}
            </Text>
          )}
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SectionCard id="organisation-people-heading" title={t('organisations.people')}>
            {org.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('organisations.noPeople')}
              </Text>
            ) : (
              <List spacing="xs" listStyleType="none" ps={0}>
                {org.people.map((person) => (
                  <List.Item key={person.id}>
                    <Text size="sm" fw={500} dir="auto">
                      {person.displayName}
                    </Text>
                    {person.workingGroups.length > 0 && (
                      <Group gap={4} mt={2}>
                        {person.workingGroups.map((group) => (
                          <Badge
                            key={group.id}
                            component={Link}
                            to={paths.group(group.slug)}
                            variant="light"
                            color="gray"
                            c="gray.9"
                            tt="none"
                            dir="auto"
                            style={{ cursor: 'pointer' }}
                          >
                            {group.name}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </SectionCard>
          <Stack gap="lg">
            <SectionCard id="organisation-groups-heading" title={t('organisations.workingGroups')}>
              {org.workingGroups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('organisations.noWorkingGroups')}
                </Text>
              ) : (
                <List spacing={4} size="sm">
                  {org.workingGroups.map((group) => (
                    <List.Item key={group.id}>
                      <Anchor component={Link} to={paths.group(group.slug)} size="sm" dir="auto">
                        {group.name}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </SectionCard>
            {/* Only those who triage pitches get any: for everyone else the section would only say "none". */}
            {org.pitches.length > 0 && (
              <SectionCard id="organisation-pitches-heading" title={t('organisations.pitches')}>
                <List spacing="xs" listStyleType="none" ps={0}>
                  {org.pitches.map((pitch) => (
                    <List.Item key={pitch.id}>
                      <Anchor component={Link} to={paths.pitchReview(pitch.id)} size="sm" dir="auto">
                        {pitch.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`organisations.pitchStatuses.${pitch.status}`)} ·{' '}
                        {t('organisations.pitchFrom', {
                          name: pitch.contactName,
                          date: formatDateTime(pitch.createdAt),
                        })}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </SectionCard>
            )}
          </Stack>
        </SimpleGrid>
        {viewer?.networkRole === 'ADMIN' && (
          <Suspense fallback={null}>
            <OrganisationAdminPanel organisation={org} />
          </Suspense>
        )}
      </Stack>
    </>
  );
}
