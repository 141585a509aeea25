import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { documentsEn } from '../i18n/documents.en';

/** The file types people share most, by the name their label has in the translation files. */
const TYPE_KEYS: Record<string, keyof (typeof documentsEn)['fileTypes']> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/csv': 'csv',
  'application/json': 'json',
  'text/html': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/zip': 'zip',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

/**
 * A document's type in the reader's language ("PDF document", "مستند PDF"); a rarer type keeps the
 * API's English label.
 */
export function useTypeLabel(): (document: { contentType: string; typeLabel: string }) => string {
  const { t } = useTranslation('documents');
  return useCallback(
    (document) => {
      const key = TYPE_KEYS[document.contentType];
      return key ? t(`fileTypes.${key}`) : document.typeLabel;
    },
    [t],
  );
}
