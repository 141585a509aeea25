import { Button, Group, Stack } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { toApiError } from '@convene/web-data-access';
import { ErrorAlert, useCharacterLimit } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MentionTextarea } from './MentionTextarea';
import { PostPreview } from './PostPreview';

export interface PostComposerProps {
  label: string;
  description?: string;
  initialBody?: string;
  group: { id: string; slug: string };
  submitLabel: string;
  /** Rejects with the API's error: a message about the body is shown under it. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel: () => void;
}

/** Writing a reply or changing a post: Markdown with @mentions, a preview, and the server's word on the body. */
export function PostComposer({
  label,
  description,
  initialBody = '',
  group,
  submitLabel,
  onSubmit,
  onCancel,
}: PostComposerProps) {
  const { t } = useTranslation('discussions');
  const [body, setBody] = useState(initialBody);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);

  const bodyLimit = useCharacterLimit(body.length, LIMITS.postBodyMax, { error: bodyError, description });

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    setBodyError(null);
    try {
      await onSubmit(body);
    } catch (error) {
      const message = toApiError(error).fields['body'];
      if (message) {
        setBodyError(message);
        setPreviewing(false);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" mt="sm">
      <ErrorAlert error={failure} />
      <MentionTextarea
        label={label}
        autosize
        minRows={3}
        dir="auto"
        value={body}
        onChange={(value) => {
          setBody(value);
          setBodyError(null);
        }}
        {...bodyLimit}
        groupSlug={group.slug}
        data-autofocus
        autoFocus
        style={previewing ? { display: 'none' } : undefined}
      />
      {previewing && <PostPreview body={body} groupId={group.id} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="subtle" onClick={() => setPreviewing((p) => !p)} me="auto">
          {previewing ? t('preview.hide') : t('preview.show')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('thread.cancel')}
        </Button>
        <Button
          onClick={() => void submit()}
          loading={busy}
          disabled={!body.trim() || body.length > LIMITS.postBodyMax}
        >
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
