import { Alert, Anchor, Badge, Button, Checkbox, Grid, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  AcceptPitchDocument,
  PitchDocument,
  ReviewPitchDocument,
  toApiError,
  type PitchPageFieldsFragment,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  LimitedTextarea,
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  paths,
  useFormatDateTime,
  useNotify,
  useValidators,
  SectionCard,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isClosed, STATUS_COLORS } from '../utils/pitch-status.util';
import { PitchAttachmentList } from './PitchAttachmentList';
import './submissions.css';

/** A pitch for the convenors who triage it: everything the partner sent, the conversation, internal notes, reviewers and the decision. */
export function PitchReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('submissions');
  const { data, error, loading, refetch } = useQuery(PitchDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')
      return <NotFoundPage title={t('review.notFoundTitle')} body={t('review.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <PitchReview pitch={data.pitch} />;
}

function PitchReview({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const formatDateTime = useFormatDateTime();
  const acceptedGroup = pitch.acceptedGroupId
    ? (pitch.groups.find((group) => group.id === pitch.acceptedGroupId) ??
      pitch.acceptInto.find((group) => group.id === pitch.acceptedGroupId))
    : null;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={paths.pitches()} size="sm">
          {t('review.back')}
        </Anchor>
        <Group gap="sm" align="center" mt="xs">
          <PageTitle mb={0} dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {pitch.title}
          </PageTitle>
          <Badge color={STATUS_COLORS[pitch.status]} variant="light" tt="none" size="lg" c="gray.9">
            {t(`status.${pitch.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7" mt={4} dir="auto">
          {t('review.from', {
            organisation: pitch.organisationName,
            type: t(`organisationTypes.${pitch.organisationType}`),
            date: formatDateTime(pitch.createdAt),
            form: pitch.formTitle,
          })}
        </Text>
      </div>

      {pitch.status === 'ACCEPTED' && pitch.threadId && (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="teal"
          variant="light"
          c="gray.9"
          title={t('review.acceptedInto', { group: acceptedGroup?.name ?? '' })}
        >
          <Anchor component={Link} to={paths.thread(pitch.threadId)} fw={600}>
            {t('review.openDiscussion')}
          </Anchor>
        </Alert>
      )}
      {pitch.status === 'DECLINED' && pitch.declineReason && (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="gray"
          variant="light"
          c="gray.9"
          title={t('status.DECLINED')}
        >
          <Text size="sm" dir="auto" className="convene-preline">
            {pitch.declineReason}
          </Text>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <PitchDetails pitch={pitch} />
            <Conversation pitch={pitch} />
            <Notes pitch={pitch} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Decision pitch={pitch} />
            <Reviewers pitch={pitch} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PitchDetails({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const answerText = (value: string) =>
    value === 'true' ? t('review.yes') : value === 'false' ? t('review.no') : value;
  return (
    <SectionCard id="pitch-details-heading" title={t('review.pitch')}>
      <dl className="convene-pitch-details">
        <dt>{t('review.groups')}</dt>
        <dd>
          {pitch.groups.length === 0 ? (
            t('review.notSure')
          ) : (
            <Group gap={4}>
              {pitch.groups.map((group) => (
                <Badge key={group.id} variant="light" color="indigo" tt="none" dir="auto">
                  {group.name}
                </Badge>
              ))}
            </Group>
          )}
        </dd>
        <dt>{t('review.contact')}</dt>
        <dd>
          <span dir="auto">{pitch.contactName}</span>
          {pitch.contactEmail && (
            <>
              {' · '}
              <Anchor href={`mailto:${pitch.contactEmail}`} size="sm" dir="ltr">
                {pitch.contactEmail}
              </Anchor>
            </>
          )}
        </dd>
        {pitch.senderOrganisation && (
          <>
            <dt>{t('review.senderOrganisation')}</dt>
            <dd>
              <Anchor component={Link} to={paths.organisation(pitch.senderOrganisation.id)} size="sm" dir="auto">
                {pitch.senderOrganisation.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('review.senderOrganisationHint')}
              </Text>
            </dd>
          </>
        )}
      </dl>
      <Text fw={600} size="sm" mt="md">
        {t('review.summary')}
      </Text>
      <Text size="sm" dir="auto" className="convene-preline">
        {pitch.summary}
      </Text>
      <Text fw={600} size="sm" mt="md">
        {t('review.helpWanted')}
      </Text>
      <Text size="sm" dir="auto" className="convene-preline">
        {pitch.helpWanted}
      </Text>
      {pitch.answers.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="md" mb={4}>
            {t('review.answers')}
          </Text>
          <dl className="convene-pitch-details">
            {pitch.answers.map((answer) => (
              <div key={answer.fieldId} style={{ display: 'contents' }}>
                <dt dir="auto">{answer.label}</dt>
                <dd dir="auto" className="convene-preline">
                  {answer.value ? (
                    answerText(answer.value)
                  ) : (
                    <Text span size="sm" c="gray.7">
                      {t('review.noAnswer')}
                    </Text>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <Text fw={600} size="sm" mt="md" mb={4}>
        {t('review.attachments')}
      </Text>
      <PitchAttachmentList files={pitch.attachments} empty={t('review.noAttachments')} />
    </SectionCard>
  );
}

/** One review step through `reviewPitch`, keeping the pitch page's cache in step. */
function useReview() {
  return useMutation(ReviewPitchDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({
          query: PitchDocument,
          variables: { id: data.reviewPitch.id },
          data: { pitch: data.reviewPitch },
        });
    },
  });
}

function TextStep({
  pitch,
  field,
  label,
  submitLabel,
  done,
}: {
  pitch: PitchPageFieldsFragment;
  field: 'message' | 'note';
  label: string;
  submitLabel: string;
  done: string;
}) {
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [review, { loading }] = useReview();
  const max = field === 'message' ? LIMITS.pitchMessageMax : LIMITS.pitchNoteMax;
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: validators.all(validators.required, validators.maxLength(max)) },
  });
  const handleSubmit = form.onSubmit(async ({ body }) => {
    setFailure(null);
    try {
      const text = body.trim();
      await review({
        variables: {
          input: field === 'message' ? { pitchId: pitch.id, message: text } : { pitchId: pitch.id, note: text },
        },
      });
      form.reset();
      notify.success(done);
    } catch (error) {
      if (!applyServerFieldErrors(form, error, { [field]: 'body' }).placed) setFailure(error);
    }
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="xs" mt="md">
        <ErrorAlert error={failure} />
        <LimitedTextarea label={label} autosize minRows={2} limit={max} dir="auto" {...form.getInputProps('body')} />
        <Button type="submit" variant="light" loading={loading} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

function Conversation({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const formatDateTime = useFormatDateTime();
  return (
    <SectionCard id="pitch-conversation-heading" title={t('review.conversation')}>
      <Text size="sm" c="gray.7" mb="sm">
        {t('review.conversationHint')}
      </Text>
      {pitch.messages.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('review.noMessages')}
        </Text>
      ) : (
        <ol className="convene-pitch-messages">
          {pitch.messages.map((message) => (
            <li key={message.id} className="convene-pitch-message" data-author={message.author}>
              <Text size="xs" fw={700} c="gray.8" dir="auto">
                {message.author === 'PARTNER'
                  ? t('review.partner', { name: pitch.contactName })
                  : t('review.convenor', { name: message.convenor?.displayName ?? t('review.aConvenor') })}
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
      <TextStep
        pitch={pitch}
        field="message"
        label={t('review.message')}
        submitLabel={t('review.sendMessage')}
        done={t('review.messageSent')}
      />
    </SectionCard>
  );
}

function Notes({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const formatDateTime = useFormatDateTime();
  return (
    <SectionCard
      id="pitch-notes-heading"
      title={t('review.notes')}
      className="convene-pitch-notes"
      aside={
        <Badge color="yellow" variant="filled" c="gray.9" tt="none">
          {t('review.onlyConvenors')}
        </Badge>
      }
    >
      <Text size="sm" c="gray.8" mb="sm">
        {t('review.notesHint')}
      </Text>
      {pitch.notes.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('review.noNotes')}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {pitch.notes.map((note) => (
            <li key={note.id} className="convene-pitch-note">
              <Text size="xs" fw={700} c="gray.8">
                {note.author?.displayName ?? t('review.someone')}
                <Text span size="xs" fw={400} c="gray.8">
                  {' · '}
                  {formatDateTime(note.createdAt)}
                </Text>
              </Text>
              <Text size="sm" dir="auto" className="convene-preline">
                {note.body}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <TextStep
        pitch={pitch}
        field="note"
        label={t('review.note')}
        submitLabel={t('review.saveNote')}
        done={t('review.noteSaved')}
      />
    </SectionCard>
  );
}

function Decision({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [review, { loading }] = useReview();
  const [declineOpened, declineModal] = useDisclosure(false);
  const [acceptOpened, acceptModal] = useDisclosure(false);
  const closed = isClosed(pitch.status);

  const move = (status: 'RECEIVED' | 'UNDER_REVIEW', done: string) => {
    setFailure(null);
    review({ variables: { input: { pitchId: pitch.id, status } } })
      .then(() => notify.success(done))
      .catch(setFailure);
  };

  return (
    <SectionCard id="pitch-decision-heading" title={t('review.decision')}>
      <ErrorAlert error={failure} />
      {closed ? (
        <Text size="sm" c="gray.7">
          {t('review.closed')}
        </Text>
      ) : (
        <Stack gap="xs">
          {pitch.status === 'RECEIVED' && (
            <Button variant="default" loading={loading} onClick={() => move('UNDER_REVIEW', t('review.reviewStarted'))}>
              {t('review.startReview')}
            </Button>
          )}
          {pitch.acceptInto.length > 0 ? (
            <Button color="teal.9" onClick={acceptModal.open}>
              {t('review.accept')}
            </Button>
          ) : (
            <Text size="xs" c="gray.7">
              {t('review.cannotAccept')}
            </Text>
          )}
          <Button variant="light" color="red" onClick={declineModal.open}>
            {t('review.decline')}
          </Button>
          {pitch.status === 'UNDER_REVIEW' && (
            <Button
              variant="subtle"
              size="xs"
              loading={loading}
              onClick={() => move('RECEIVED', t('review.movedBack'))}
            >
              {t('review.backToReceived')}
            </Button>
          )}
        </Stack>
      )}
      <DeclineModal pitch={pitch} opened={declineOpened} onClose={declineModal.close} />
      <AcceptModal pitch={pitch} opened={acceptOpened} onClose={acceptModal.close} />
    </SectionCard>
  );
}

function DeclineModal({
  pitch,
  opened,
  onClose,
}: {
  pitch: PitchPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [review, { loading }] = useReview();
  const form = useForm({
    mode: 'controlled',
    initialValues: { declineReason: '' },
    validate: { declineReason: validators.all(validators.required, validators.maxLength(2000)) },
  });
  const handleSubmit = form.onSubmit(async ({ declineReason }) => {
    setFailure(null);
    try {
      await review({
        variables: { input: { pitchId: pitch.id, status: 'DECLINED', declineReason: declineReason.trim() } },
      });
      notify.success(t('review.declined'));
      onClose();
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('review.declineTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('review.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <LimitedTextarea
            label={t('review.declineReason')}
            description={t('review.declineReasonHint')}
            required
            autosize
            minRows={3}
            limit={LIMITS.pitchDeclineReasonMax}
            dir="auto"
            data-autofocus
            {...form.getInputProps('declineReason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('review.cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('review.confirmDecline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AcceptModal({
  pitch,
  opened,
  onClose,
}: {
  pitch: PitchPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [accept, { loading }] = useMutation(AcceptPitchDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({
          query: PitchDocument,
          variables: { id: data.acceptPitch.id },
          data: { pitch: data.acceptPitch },
        });
    },
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { groupId: pitch.acceptInto[0]?.id ?? '', inviteContact: false },
  });
  const handleSubmit = form.onSubmit(async ({ groupId, inviteContact }) => {
    setFailure(null);
    try {
      await accept({ variables: { input: { pitchId: pitch.id, groupId, inviteContact } } });
      notify.success(t('review.accepted'));
      onClose();
    } catch (error) {
      if (!applyServerFieldErrors(form, error).placed) setFailure(error);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('review.acceptTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('review.cancel') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <Text size="sm">{t('review.acceptBody')}</Text>
          <NativeSelect
            label={t('review.acceptGroup')}
            data={pitch.acceptInto.map((group) => ({ value: group.id, label: group.name }))}
            {...form.getInputProps('groupId')}
          />
          <Checkbox
            label={t('review.inviteContact')}
            description={t('review.inviteContactHint')}
            {...form.getInputProps('inviteContact', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('review.cancel')}
            </Button>
            <Button type="submit" color="teal.9" loading={loading}>
              {t('review.confirmAccept')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Reviewers({ pitch }: { pitch: PitchPageFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [review, { loading }] = useReview();
  const saved = pitch.reviewers.map((reviewer) => reviewer.id);
  const [chosen, setChosen] = useState<string[]>(saved);
  const changed = chosen.length !== saved.length || chosen.some((id) => !saved.includes(id));
  return (
    <SectionCard id="pitch-reviewers-heading" title={t('review.reviewers')}>
      <ErrorAlert error={failure} />
      {pitch.reviewerCandidates.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('review.noCandidates')}
        </Text>
      ) : (
        <>
          <Checkbox.Group
            value={chosen}
            onChange={setChosen}
            description={t('review.reviewersHint')}
            aria-labelledby="pitch-reviewers-heading"
          >
            <Stack gap={6} mt="xs">
              {pitch.reviewerCandidates.map((candidate) => (
                <Checkbox
                  key={candidate.id}
                  value={candidate.id}
                  label={<span dir="auto">{candidate.displayName}</span>}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button
            variant="light"
            mt="sm"
            disabled={!changed}
            loading={loading}
            onClick={() => {
              setFailure(null);
              review({ variables: { input: { pitchId: pitch.id, reviewerIds: chosen } } })
                .then(() => notify.success(t('review.reviewersSaved')))
                .catch(setFailure);
            }}
          >
            {t('review.saveReviewers')}
          </Button>
        </>
      )}
    </SectionCard>
  );
}
