import { Alert, Button, CopyButton, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import {
  BeginTwoFactorSetupDocument,
  ConfirmTwoFactorSetupDocument,
  type BeginTwoFactorSetupMutation,
} from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupSecret, isAuthenticatorCode, svgDataUri } from '../utils/two-factor.util';
import { RecoveryCodes } from './RecoveryCodes';
import './identity.css';

type Setup = BeginTwoFactorSetupMutation['beginTwoFactorSetup'];

export interface TwoFactorSetupProps {
  email: string;
  /** The level of the step headings, below the heading the setup sits under. */
  headingOrder?: 2 | 3;
  onCancel?: () => void;
  /** Two-factor sign-in is on; the recovery codes are on screen. */
  onConfirmed?: () => void;
  /** The person has stored their recovery codes. */
  onDone: () => void;
  doneLabel?: string;
}

/**
 * Turning two-factor sign-in on: a new secret (QR code, or the key to type), a code from the app
 * to prove it works, then the recovery codes. The secret is only asked for on a click, so that
 * rendering twice never makes two.
 */
export function TwoFactorSetup({
  email,
  headingOrder = 3,
  onCancel,
  onConfirmed,
  onDone,
  doneLabel,
}: TwoFactorSetupProps) {
  const { t } = useTranslation(['identity', 'account']);
  const [begin, beginning] = useMutation(BeginTwoFactorSetupDocument);
  const [confirm, confirming] = useMutation(ConfirmTwoFactorSetupDocument);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: { code: (value) => (isAuthenticatorCode(value) ? null : t('secondFactor.codeInvalidFormat')) },
  });

  const start = async () => {
    setFailure(null);
    try {
      const { data } = await begin();
      if (data) setSetup(data.beginTwoFactorSetup);
    } catch (error) {
      setFailure({ error, message: null });
    }
  };

  const handleSubmit = form.onSubmit(async ({ code }) => {
    setFailure(null);
    try {
      const { data } = await confirm({ variables: { code: code.replace(/\s/g, '') } });
      if (!data) return;
      setCodes(data.confirmTwoFactorSetup);
      onConfirmed?.();
    } catch (error) {
      const { apiError } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'TWO_FACTOR_CODE_INVALID') {
        form.setFieldError('code', t('account:security.setup.wrongCode'));
      } else if (apiError.reason === 'TWO_FACTOR_SETUP_NOT_STARTED') {
        setSetup(null);
        setFailure({ error, message: t('account:security.setup.notStarted') });
      } else {
        setFailure({ error, message: null });
      }
    }
  });

  if (codes) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" role="status">
          {t('account:security.setup.enabled')}
        </Alert>
        <RecoveryCodes codes={codes} email={email} onDone={onDone} doneLabel={doneLabel} headingOrder={headingOrder} />
      </Stack>
    );
  }

  const cancel = onCancel && (
    <Button variant="default" onClick={onCancel}>
      {t('account:security.setup.cancel')}
    </Button>
  );

  if (!setup) {
    return (
      <Stack gap="md" align="flex-start">
        {failure && <ErrorAlert error={failure.error} message={failure.message} />}
        <Text size="sm">{t('account:security.setup.intro')}</Text>
        <Group>
          <Button onClick={() => void start()} loading={beginning.loading}>
            {t('account:security.setup.start')}
          </Button>
          {cancel}
        </Group>
      </Stack>
    );
  }

  const secret = groupSecret(setup.secret);
  return (
    <form onSubmit={handleSubmit} noValidate>
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <Stack gap="md">
        <Text size="sm">{t('account:security.setup.intro')}</Text>
        <Title order={headingOrder} size="h5">
          {t('account:security.setup.stepScan')}
        </Title>
        <Group align="flex-start" gap="lg">
          {/* The server's SVG, shown as an image only: never put into the page as markup. */}
          <img
            className="convene-qr"
            src={svgDataUri(setup.qrSvg)}
            alt={t('account:security.setup.qrAlt')}
            width={200}
            height={200}
          />
          <Stack gap="xs" style={{ flex: '1 1 16rem' }} maw={360}>
            <Text size="sm">{t('account:security.setup.manualHint')}</Text>
            {/* A read-only text area, so the whole key wraps into view and can be selected. */}
            <Textarea
              label={t('account:security.setup.secretLabel')}
              value={secret}
              readOnly
              autosize
              minRows={1}
              variant="filled"
              dir="ltr"
              classNames={{ input: 'convene-secret' }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={setup.secret} timeout={1500}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  size="xs"
                  onClick={copy}
                  leftSection={<CopyIcon copied={copied} />}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {copied ? t('account:security.setup.copied') : t('account:security.setup.copyKey')}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Group>
        <Title order={headingOrder} size="h5">
          {t('account:security.setup.stepCode')}
        </Title>
        <TextInput
          label={t('secondFactor.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={7}
          required
          maw={220}
          classNames={{ input: 'convene-code-input' }}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" loading={confirming.loading}>
            {t('account:security.setup.confirm')}
          </Button>
          {cancel}
        </Group>
      </Stack>
    </form>
  );
}

function CopyIcon({ copied }: { copied: boolean }) {
  return copied ? (
    <svg
      aria-hidden="true"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M20 6 9 17l-5-5" />
    </svg>
  ) : (
    <svg
      aria-hidden="true"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="9" y="9" width="13" height="13" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </svg>
  );
}
