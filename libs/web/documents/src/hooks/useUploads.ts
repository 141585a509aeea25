import { useFileSize } from '@convene/web-ui';
import { useQuery } from '@apollo/client/react';
import { DocumentSettingsDocument } from '@convene/web-data-access';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUploadFailure, sendFile, type UploadAnswer, type UploadFailure } from '../utils/upload-request.util';

/** `saving`: every byte is sent and the server is storing the file; it can no longer be cancelled. */
export type UploadStatus = 'uploading' | 'saving' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  progress: number;
  status: UploadStatus;
  error: string | null;
}

const KNOWN_REASONS = new Set([
  'FILE_TOO_LARGE',
  'TYPE_NOT_ALLOWED',
  'TYPE_MISMATCH',
  'FILE_EMPTY',
  'BAD_FILE_NAME',
  'READ_ONLY_MEMBER',
  'NOT_A_MEMBER',
]);

/**
 * Uploads files one request each, keeping per-file progress, cancel and a readable error.
 * Files over the server's limit are refused here, before a byte is sent.
 */
export function useUploads(url: string, onUploaded: (answer: UploadAnswer, file: File) => void) {
  const { t, i18n } = useTranslation('documents');
  const fileSize = useFileSize();
  const { data } = useQuery(DocumentSettingsDocument, { fetchPolicy: 'cache-first' });
  const maxBytes = data?.documentSettings.maxBytes ?? null;
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const counter = useRef(0);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((abort) => abort());
  }, []);

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const describe = useCallback(
    (failure: UploadFailure): string => {
      const max = maxBytes != null ? fileSize(maxBytes) : '';
      if (failure.network) return t('uploadErrors.network');
      // The API's own sentences are English and name the detail (the refused type, the bad name).
      if (i18n.language === 'en' && failure.reason && failure.message) return failure.message;
      if (failure.reason && KNOWN_REASONS.has(failure.reason))
        return t(`uploadErrors.${failure.reason as 'FILE_TOO_LARGE'}`, { max });
      if (failure.status === 413) return t('uploadErrors.FILE_TOO_LARGE', { max });
      if (failure.status === 415) return t('uploadErrors.TYPE_NOT_ALLOWED');
      return failure.message ?? t('uploadErrors.unknown', { status: failure.status });
    },
    [t, i18n.language, fileSize, maxBytes],
  );

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        counter.current += 1;
        const key = `${counter.current}-${file.name}`;
        if (maxBytes != null && file.size > maxBytes) {
          setItems((current) => [
            ...current,
            {
              key,
              name: file.name,
              size: file.size,
              progress: 0,
              status: 'failed',
              error: t('upload.tooLargeLocal', { size: fileSize(file.size), max: fileSize(maxBytes) }),
            },
          ]);
          continue;
        }
        setItems((current) => [
          ...current,
          { key, name: file.name, size: file.size, progress: 0, status: 'uploading', error: null },
        ]);
        const request = sendFile(
          url,
          file,
          (fraction) => update(key, { progress: Math.round(fraction * 100) }),
          () => {
            aborts.current.delete(key);
            update(key, { status: 'saving', progress: 100 });
          },
        );
        aborts.current.set(key, request.abort);
        request.promise
          .then((answer) => {
            update(key, { status: 'done', progress: 100 });
            onUploadedRef.current(answer, file);
          })
          .catch((error: unknown) => {
            if (isUploadFailure(error) && error.aborted) update(key, { status: 'cancelled', error: null });
            else
              update(key, {
                status: 'failed',
                error: isUploadFailure(error) ? describe(error) : t('uploadErrors.unknown', { status: 0 }),
              });
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [url, maxBytes, t, fileSize, update, describe],
  );

  const cancel = useCallback((key: string) => aborts.current.get(key)?.(), []);
  const dismiss = useCallback((key: string) => setItems((current) => current.filter((item) => item.key !== key)), []);

  return { items, add, cancel, dismiss, maxBytes, allowedTypes: data?.documentSettings.allowedTypes ?? null };
}
