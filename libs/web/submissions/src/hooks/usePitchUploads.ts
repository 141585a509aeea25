import { LIMITS } from '@convene/shared-contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPitchUploadFailure, sendPitchFile, type PitchUploadFailure } from '../utils/pitch-upload-request.util';

export type PitchUploadStatus = 'uploading' | 'done' | 'failed';

export interface PitchUploadItem {
  key: string;
  name: string;
  size: number;
  progress: number;
  status: PitchUploadStatus;
  error: string | null;
  /** What submitPitch takes, once the file is stored. */
  claim: { id: string; claim: string } | null;
}

const KNOWN_REASONS = [
  'FILE_TOO_LARGE',
  'TYPE_NOT_ALLOWED',
  'TYPE_MISMATCH',
  'FILE_EMPTY',
  'BAD_FILE_NAME',
  'RATE_LIMITED',
] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];
const isKnownReason = (reason: string | null): reason is KnownReason => KNOWN_REASONS.some((known) => known === reason);

/**
 * A partner's attachments, each uploaded as soon as it is chosen (before the pitch is sent), with
 * its progress, a readable error if refused, and removal (which cancels an upload in flight).
 */
export function usePitchUploads() {
  const { t, i18n } = useTranslation('submissions');
  const [items, setItems] = useState<PitchUploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const counter = useRef(0);
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((abort) => abort());
  }, []);

  const update = useCallback((key: string, change: Partial<PitchUploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const describe = useCallback(
    (failure: PitchUploadFailure): string => {
      if (failure.network) return t('upload.errors.network');
      // The API's own sentences are English and name the detail (the limit, the refused type).
      if (i18n.language === 'en' && failure.reason && failure.message) return failure.message;
      if (isKnownReason(failure.reason)) return t(`upload.errors.${failure.reason}`);
      if (failure.status === 413) return t('upload.errors.FILE_TOO_LARGE');
      if (failure.status === 415) return t('upload.errors.TYPE_NOT_ALLOWED');
      if (failure.status === 429) return t('upload.errors.RATE_LIMITED');
      return t('upload.errors.unknown', { status: failure.status });
    },
    [t, i18n.language],
  );

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        counter.current += 1;
        const key = `${counter.current}-${file.name}`;
        setItems((current) => [
          ...current,
          { key, name: file.name, size: file.size, progress: 0, status: 'uploading', error: null, claim: null },
        ]);
        const request = sendPitchFile(file, (fraction) =>
          update(key, { progress: Math.min(99, Math.round(fraction * 100)) }),
        );
        aborts.current.set(key, request.abort);
        request.promise
          .then((answer) =>
            update(key, { status: 'done', progress: 100, claim: { id: answer.id, claim: answer.claim } }),
          )
          .catch((error: unknown) => {
            if (isPitchUploadFailure(error) && error.aborted) return;
            update(key, {
              status: 'failed',
              error: isPitchUploadFailure(error) ? describe(error) : t('upload.errors.unknown', { status: 0 }),
            });
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [t, update, describe],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.();
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  const reset = useCallback(() => setItems([]), []);

  const active = items.filter((item) => item.status !== 'failed');
  return {
    items,
    add,
    remove,
    reset,
    /** Files still counting towards the limit (uploading or attached). */
    count: active.length,
    max: LIMITS.pitchAttachmentsMax,
    uploading: items.some((item) => item.status === 'uploading'),
    failed: items.some((item) => item.status === 'failed'),
    claims: items.flatMap((item) => (item.claim ? [item.claim] : [])),
  };
}
