import { Alert, Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { PitchFormsDocument, toApiError } from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle, paths } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicFormUrl } from '../utils/public-form-url.util';
import './submissions.css';

/** Pitch forms with their public links, for network admins and convenors. */
export function PitchFormsPage() {
  const { t } = useTranslation('submissions');
  const { data, error, loading, refetch } = useQuery(PitchFormsDocument, { fetchPolicy: 'cache-and-network' });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'FORBIDDEN') {
      return (
        <>
          <PageTitle>{t('forms.forbiddenTitle')}</PageTitle>
          <Text>{t('forms.forbiddenBody')}</Text>
        </>
      );
    }
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={paths.pitches()} size="sm">
          {t('forms.board')}
        </Anchor>
        <Group justify="space-between" align="flex-start" mt="xs" gap="md">
          <div>
            <PageTitle mb={4}>{t('forms.title')}</PageTitle>
            <Text c="gray.7" maw={640}>
              {t('forms.intro')}
            </Text>
          </div>
          <Button component={Link} to={paths.newPitchForm()}>
            {t('forms.new')}
          </Button>
        </Group>
      </div>
      {data.pitchForms.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('forms.empty')}
        </Alert>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.pitchForms.map((form) => {
            const url = publicFormUrl(form.slug);
            return (
              <Paper component="li" key={form.id} withBorder p="md" radius="md">
                <Group justify="space-between" align="flex-start" gap="md">
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Group gap="xs" align="center">
                      <Title order={2} size="h4" dir="auto">
                        {form.title}
                      </Title>
                      <Badge color={form.isOpen ? 'teal' : 'gray'} variant="light" tt="none" c="gray.9">
                        {form.isOpen ? t('forms.open') : t('forms.closed')}
                      </Badge>
                    </Group>
                    <Text size="sm" c="gray.7">
                      {t('forms.questions', { count: form.fields.length })}
                    </Text>
                    <Group gap="xs" mt={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {t('forms.link')}:
                      </Text>
                      <Anchor
                        component={Link}
                        to={paths.publicPitchForm(form.slug)}
                        size="sm"
                        dir="ltr"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {url}
                      </Anchor>
                    </Group>
                  </div>
                  <Group gap="xs">
                    <CopyButton value={url}>
                      {({ copied, copy }) => (
                        <Button variant="default" size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                          {copied ? t('forms.copied') : t('forms.copy')}
                        </Button>
                      )}
                    </CopyButton>
                    <Button
                      component={Link}
                      to={paths.pitchForm(form.id)}
                      variant="light"
                      size="xs"
                      aria-label={t('forms.editLabel', { title: form.title })}
                    >
                      {t('forms.edit')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
