import { Alert, Code, Group, Loader, Stack, Text } from '@mantine/core';
import type { DocumentPageFieldsFragment } from '@convene/web-data-access';
import { LoadOnTap } from '@convene/web-ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// pdf.js is large: it loads only when a PDF is shown.
const PdfPreview = lazy(() => import('./PdfPreview').then((module) => ({ default: module.PdfPreview })));

export function inlineUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}disposition=inline`;
}

/** The document shown in place, by what the server says it can preview. */
export function DocumentPreview({ document }: { document: DocumentPageFieldsFragment }) {
  const { t } = useTranslation('documents');
  // The version number in the address makes the browser and pdf.js fetch again after a new version.
  const url = `${document.downloadUrl}${document.downloadUrl.includes('?') ? '&' : '?'}version=${document.versionCount}`;
  switch (document.previewKind) {
    case 'IMAGE':
      return (
        <LoadOnTap key={url} size={document.size}>
          <img src={inlineUrl(url)} alt={document.title} className="convene-doc-preview-image" />
        </LoadOnTap>
      );
    case 'PDF':
      // With data saver on, neither pdf.js nor the file loads before the tap.
      return (
        <LoadOnTap key={url} size={document.size}>
          <Suspense
            fallback={
              <Group justify="center" py="xl">
                <Loader size="sm" />
              </Group>
            }
          >
            <PdfPreview url={inlineUrl(url)} />
          </Suspense>
        </LoadOnTap>
      );
    case 'TEXT':
      return (
        <Stack gap="xs">
          <Code block className="convene-doc-text" dir="auto" tabIndex={0} role="region" aria-label={t('doc.preview')}>
            {document.textPreview?.text ?? ''}
          </Code>
          {document.textPreview?.truncated && (
            <Text size="sm" c="gray.7">
              {t('doc.truncated')}
            </Text>
          )}
        </Stack>
      );
    case 'MARKDOWN':
      return (
        <Stack gap="xs">
          <div
            className="convene-doc-markdown"
            dir="auto"
            tabIndex={0}
            role="region"
            aria-label={t('doc.preview')}
            dangerouslySetInnerHTML={{ __html: document.textPreview?.html ?? '' }}
          />
          {document.textPreview?.truncated && (
            <Text size="sm" c="gray.7">
              {t('doc.truncated')}
            </Text>
          )}
        </Stack>
      );
    default:
      return (
        <Alert color="gray" variant="light">
          {t('doc.noPreview')}
        </Alert>
      );
  }
}
