import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';
import { paths } from '../routing/paths';

export interface NotFoundPageProps {
  title?: string;
  body?: string;
}

export function NotFoundPage({ title, body }: NotFoundPageProps) {
  const { t } = useTranslation('ui');
  return (
    <Stack align="flex-start" gap="md">
      <PageTitle>{title ?? t('notFound.title')}</PageTitle>
      <Text>{body ?? t('notFound.body')}</Text>
      <Button component={Link} to={paths.groups()} variant="light">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
