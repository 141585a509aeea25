// Sends one pitch attachment to POST /api/pitch-attachments with XMLHttpRequest, which (unlike
// fetch) reports upload progress and can be cancelled. The answer's id and claim go into submitPitch.

export const PITCH_ATTACHMENTS_URL = '/api/pitch-attachments';

export interface PitchUploadAnswer {
  id: string;
  claim: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface PitchUploadFailure {
  status: number;
  /** The API's stable reason such as FILE_TOO_LARGE; null when the answer was not the API's JSON. */
  reason: string | null;
  message: string | null;
  /** The request never got an answer (offline, connection cut). */
  network: boolean;
  aborted: boolean;
}

export interface PitchUploadRequest {
  promise: Promise<PitchUploadAnswer>;
  abort: () => void;
}

/** Reads the API's `{ error: { reason, message, fields } }`; anything else leaves only the status. */
export function uploadFailureOf(status: number, responseText: string): PitchUploadFailure {
  let reason: string | null = null;
  let message: string | null = null;
  try {
    const body = JSON.parse(responseText) as {
      error?: { reason?: unknown; message?: unknown; fields?: { file?: unknown } };
    };
    if (typeof body.error?.reason === 'string') reason = body.error.reason;
    const fileMessage = body.error?.fields?.file;
    if (typeof fileMessage === 'string') message = fileMessage;
    else if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not the API's JSON (a proxy's error page, say): the status alone has to do.
  }
  return { status, reason, message, network: false, aborted: false };
}

export function isPitchUploadFailure(error: unknown): error is PitchUploadFailure {
  return typeof error === 'object' && error !== null && 'status' in error && 'aborted' in error;
}

function isUploadAnswer(value: unknown): value is PitchUploadAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'claim' in value &&
    typeof value.claim === 'string'
  );
}

export function sendPitchFile(file: File, onProgress: (fraction: number) => void): PitchUploadRequest {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<PitchUploadAnswer>((resolve, reject) => {
    xhr.open('POST', PITCH_ATTACHMENTS_URL);
    xhr.setRequestHeader('X-Requested-With', 'convene');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const answer: unknown = JSON.parse(xhr.responseText);
          if (isUploadAnswer(answer)) return resolve(answer);
        } catch {
          // Falls through to the failure below.
        }
        reject({
          status: xhr.status,
          reason: null,
          message: null,
          network: false,
          aborted: false,
        } satisfies PitchUploadFailure);
      } else reject(uploadFailureOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () =>
      reject({ status: 0, reason: null, message: null, network: true, aborted: false } satisfies PitchUploadFailure);
    xhr.onabort = () =>
      reject({ status: 0, reason: null, message: null, network: false, aborted: true } satisfies PitchUploadFailure);
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}
