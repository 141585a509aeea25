import { Alert, Button, Checkbox, CopyButton, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryCodesFile } from '../utils/two-factor.util';
import './identity.css';

export interface RecoveryCodesProps {
  codes: string[];
  /** Named in the downloaded file, so people know which account the codes are for. */
  email: string;
  onDone: () => void;
  doneLabel?: string;
  /** The level of the heading above the codes. */
  headingOrder?: 2 | 3;
}

/** New recovery codes, shown this once: copy or download them, say they are stored, then go on. */
export function RecoveryCodes({ codes, email, onDone, doneLabel, headingOrder = 3 }: RecoveryCodesProps) {
  const { t } = useTranslation('account');
  const [stored, setStored] = useState(false);
  const file = recoveryCodesFile(t('security.codes.fileHeading', { email }), codes);
  return (
    <Stack gap="md">
      <Title order={headingOrder} size="h5">
        {t('security.codes.heading')}
      </Title>
      <Alert color="yellow" variant="light">
        {t('security.codes.storeSafely')}
      </Alert>
      <ul className="convene-recovery-codes" dir="ltr" aria-label={t('security.codes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? t('security.codes.copied') : t('security.codes.copy')}
            </Button>
          )}
        </CopyButton>
        {/* A data: address needs no script or object URL to tidy up; `download` saves it as a file. */}
        <Button
          variant="default"
          component="a"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="convene-recovery-codes.txt"
        >
          {t('security.codes.download')}
        </Button>
      </Group>
      <Checkbox
        label={t('security.codes.stored')}
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <Group>
        <Button disabled={!stored} onClick={onDone}>
          {doneLabel ?? t('security.codes.done')}
        </Button>
      </Group>
    </Stack>
  );
}
