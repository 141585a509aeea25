import { Alert, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  MyPitchDocument,
  ReplyToPitchDocument,
  toApiError,
  WithdrawPitchDocument,
  type PartnerPitchFieldsFragment,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ConfirmModal,
  ErrorAlert,
  LimitedTextarea,
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  useFormatDateTime,
  useNotify,
  useValidators,
  SectionCard,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useListFormat } from '../hooks/useListFormat';
import { isClosed, STATUS_COLORS } from '../utils/pitch-status.util';
import { PitchAttachmentList } from './PitchAttachmentList';
import './submissions.css';

/** A partner's private page (from the link in their email): where the pitch stands, the conversation, replying and withdrawing. */
export function PartnerPitchPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('submissions');
  const { data, error, loading, refetch } = useQuery(MyPitchDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT')
      return <NotFoundPage title={t('partner.notFoundTitle')} body={t('partner.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <PartnerPitch token={token} pitch={data.myPitch} />;
}

function PartnerPitch({ token, pitch }: { token: string; pitch: PartnerPitchFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const formatDateTime = useFormatDateTime();
  const listFormat = useListFormat();
  const closed = isClosed(pitch.status);

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <PageTitle mb={0}>{t('partner.title')}</PageTitle>
        <Text size="lg" fw={600} c="indigo.9" dir="auto" style={{ overflowWrap: 'anywhere' }}>
          {pitch.title}
        </Text>
        <Text size="sm" c="gray.7">
          {t('partner.sentOn', { date: formatDateTime(pitch.createdAt) })}
        </Text>
      </div>

      <Alert
        classNames={{ title: 'convene-alert-title' }}
        color={STATUS_COLORS[pitch.status]}
        variant="light"
        c="gray.9"
        role="status"
        title={t('partner.statusLabel', { status: t(`status.${pitch.status}`) })}
      >
        <Text size="sm">{t(`partner.statusLine.${pitch.status}`)}</Text>
        {pitch.status === 'DECLINED' && pitch.declineReason && (
          <Text size="sm" mt={6} dir="auto" className="convene-preline">
            {t('partner.reason', { reason: pitch.declineReason })}
          </Text>
        )}
      </Alert>

      <SectionCard id="partner-conversation-heading" title={t('partner.conversation')}>
        {pitch.messages.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('partner.noMessages')}
          </Text>
        ) : (
          <ol className="convene-pitch-messages">
            {pitch.messages.map((message) => (
              <li key={message.id} className="convene-pitch-message" data-author={message.author}>
                <Text size="xs" fw={700} c="gray.8">
                  {message.author === 'PARTNER' ? t('partner.you') : t('partner.convenors')}
                  <Text span size="xs" fw={400} c="gray.7">
                    {' · '}
                    {formatDateTime(message.createdAt)}
                  </Text>
                </Text>
                <Text size="sm" mt={4} dir="auto" className="convene-preline">
                  {message.body}
                </Text>
              </li>
            ))}
          </ol>
        )}
        {closed ? (
          <Text size="sm" c="gray.7" mt="md">
            {t('partner.closedNoReply')}
          </Text>
        ) : (
          <ReplyForm token={token} />
        )}
      </SectionCard>

      <SectionCard id="partner-details-heading" title={t('partner.details')}>
        <dl className="convene-pitch-details">
          <dt>{t('partner.organisation')}</dt>
          <dd dir="auto">
            {pitch.organisationName} ({t(`organisationTypes.${pitch.organisationType}`)})
          </dd>
          <dt>{t('partner.contact')}</dt>
          <dd dir="auto">{pitch.contactName}</dd>
          <dt>{t('partner.groups')}</dt>
          <dd dir="auto">
            {pitch.notSure && pitch.groupNames.length === 0 ? t('partner.notSure') : listFormat(pitch.groupNames)}
          </dd>
        </dl>
        <Text fw={600} size="sm" mt="md">
          {t('partner.summary')}
        </Text>
        <Text size="sm" dir="auto" className="convene-preline">
          {pitch.summary}
        </Text>
        <Text fw={600} size="sm" mt="md">
          {t('partner.helpWanted')}
        </Text>
        <Text size="sm" dir="auto" className="convene-preline">
          {pitch.helpWanted}
        </Text>
        {pitch.attachments.length > 0 && (
          <>
            <Text fw={600} size="sm" mt="md">
              {t('partner.attachments')}
            </Text>
            <PitchAttachmentList files={pitch.attachments} />
          </>
        )}
      </SectionCard>

      {!closed && <WithdrawButton token={token} />}
      <Text size="xs" c="gray.7">
        {t('partner.keepLink')}
      </Text>
    </Stack>
  );
}

function ReplyForm({ token }: { token: string }) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [reply, { loading }] = useMutation(ReplyToPitchDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({ query: MyPitchDocument, variables: { token }, data: { myPitch: data.replyToPitch } });
    },
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: validators.all(validators.required, validators.maxLength(LIMITS.pitchMessageMax)) },
  });
  const handleSubmit = form.onSubmit(async ({ body }) => {
    setFailure(null);
    try {
      await reply({ variables: { token, body: body.trim() } });
      form.reset();
      notify.success(t('partner.sent'));
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="xs" mt="md">
        <ErrorAlert error={failure} />
        <LimitedTextarea
          label={t('partner.reply')}
          description={t('partner.replyHint')}
          autosize
          minRows={3}
          limit={LIMITS.pitchMessageMax}
          dir="auto"
          {...form.getInputProps('body')}
        />
        <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
          {t('partner.send')}
        </Button>
      </Stack>
    </form>
  );
}

function WithdrawButton({ token }: { token: string }) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const [opened, modal] = useDisclosure(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [withdraw, { loading }] = useMutation(WithdrawPitchDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({ query: MyPitchDocument, variables: { token }, data: { myPitch: data.withdrawPitch } });
    },
  });
  return (
    <>
      <Button variant="light" color="red" onClick={modal.open} style={{ alignSelf: 'flex-start' }}>
        {t('partner.withdraw')}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={modal.close}
        title={t('partner.withdrawTitle')}
        body={t('partner.withdrawBody')}
        keepLabel={t('partner.keep')}
        confirmLabel={t('partner.confirmWithdraw')}
        loading={loading}
        error={failure}
        onConfirm={() => {
          setFailure(null);
          withdraw({ variables: { token } })
            .then(() => {
              notify.success(t('partner.withdrawn'));
              modal.close();
            })
            .catch(setFailure);
        }}
      />
    </>
  );
}
