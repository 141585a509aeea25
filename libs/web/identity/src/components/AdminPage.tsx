import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PageTitle, paths } from '@convene/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateWorkingGroupForm } from './CreateWorkingGroupForm';
import { InviteToNetworkForm } from './InviteToNetworkForm';
import { SignUpModeForm } from './SignUpModeForm';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Network admins: accounts, invitations, who may sign up, and new working groups; `more` adds other features' settings. */
export function AdminPage({ more = [] }: { more?: { id: string; title: string; content: ReactNode }[] }) {
  const { t } = useTranslation('account');
  return (
    <>
      <PageTitle>{t('admin.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Section id="admin-accounts-heading" title={t('admin.accountsHeading')}>
            <Text size="sm" c="dimmed" mb="md">
              {t('admin.accountsIntro')}
            </Text>
            <Group gap="sm">
              <Button component={Link} to={paths.adminPeople()} variant="light">
                {t('admin.peopleLink')}
              </Button>
              <Button component={Link} to={paths.adminAudit()} variant="light">
                {t('admin.auditLink')}
              </Button>
              <Button component={Link} to={paths.organisations()} variant="light">
                {t('admin.organisationsLink')}
              </Button>
            </Group>
          </Section>
          <Section id="admin-invite-heading" title={t('admin.inviteHeading')}>
            <InviteToNetworkForm />
          </Section>
          <Section id="admin-signup-heading" title={t('admin.signUpHeading')}>
            <SignUpModeForm />
          </Section>
        </Stack>
        <Stack gap="lg">
          <Section id="admin-create-group-heading" title={t('admin.createGroupHeading')}>
            <CreateWorkingGroupForm />
          </Section>
          {more.map((section) => (
            <Section key={section.id} id={section.id} title={section.title}>
              {section.content}
            </Section>
          ))}
        </Stack>
      </SimpleGrid>
    </>
  );
}
