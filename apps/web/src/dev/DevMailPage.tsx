// The development mailbox: with no SMTP configured the API keeps outgoing mail in memory and
// serves it at GET /api/dev/mail, so invitations can be followed without a mail server.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { PageLoader, PageTitle, useFormatDateTime } from '@convene/web-ui';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDevMail, splitLinks, type DevMail } from './dev-mail';

function MailText({ text }: { text: string }) {
  return (
    <Text component="div" size="sm" className="convene-preline" dir="auto">
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          <Anchor key={index} href={part.value} dir="ltr">
            {part.value}
          </Anchor>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </Text>
  );
}

export function DevMailPage() {
  const { t } = useTranslation('app');
  const formatDateTime = useFormatDateTime();
  const [mails, setMails] = useState<DevMail[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    try {
      setMails(await fetchDevMail(signal));
      setFailed(false);
    } catch (error) {
      if (signal?.aborted) return;
      console.error(error);
      setFailed(true);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageTitle mb={0}>{t('devMail.title')}</PageTitle>
        <Button variant="default" onClick={() => void load()} loading={loading && mails !== null}>
          {t('devMail.refresh')}
        </Button>
      </Group>
      <Alert color="yellow" variant="light">
        <Text size="sm" c="gray.9">
          {t('devMail.notice')}
        </Text>
      </Alert>
      {failed && (
        <Alert color="red" variant="light" role="alert">
          {t('devMail.loadFailed')}
        </Alert>
      )}
      {mails === null && loading && <PageLoader />}
      {mails && mails.length === 0 && <Text>{t('devMail.empty')}</Text>}
      {mails && mails.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('devMail.count', { count: mails.length })}
          </Text>
          <Stack component="ol" gap="md" p={0} style={{ listStyle: 'none' }}>
            {mails.map((mail) => (
              <Card component="li" key={mail.id} withBorder padding="lg" aria-labelledby={`mail-${mail.id}`}>
                <Stack gap="xs">
                  <Title order={2} size="h4" id={`mail-${mail.id}`} dir="auto">
                    {mail.subject}
                  </Title>
                  <Group gap="xs">
                    <Badge variant="light" color="gray" tt="none">
                      <span dir="ltr">{t('devMail.to', { to: mail.to })}</span>
                    </Badge>
                    <Text size="xs" c="dimmed">
                      <time dateTime={mail.createdAt}>
                        {t('devMail.sentAt', { time: formatDateTime(mail.createdAt) })}
                      </time>
                    </Text>
                  </Group>
                  <MailText text={mail.text} />
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
