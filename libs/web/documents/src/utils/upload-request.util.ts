// Sends one file to the documents REST API with XMLHttpRequest: unlike fetch, it reports upload
// progress and can be cancelled mid-way. One request per file, as the API accepts one file part.

export interface UploadAnswer {
  document: { id: string; title: string; contentType: string; size: number; versionCount: number };
  version: { number: number; fileName: string; size: number; sha256: string; contentType: string };
}

export interface UploadFailure {
  status: number;
  /** The API's stable reason such as FILE_TOO_LARGE; null when the answer was not the API's JSON. */
  reason: string | null;
  message: string | null;
  /** The request never got an answer (offline, connection cut). */
  network: boolean;
  aborted: boolean;
}

export interface UploadRequest {
  promise: Promise<UploadAnswer>;
  abort: () => void;
}

/** Where a new document goes, or a new version of an existing one. */
export function uploadUrl(target: { groupId: string; folderId?: string | null } | { documentId: string }): string {
  if ('documentId' in target) return `/api/documents/${encodeURIComponent(target.documentId)}/versions`;
  const base = `/api/groups/${encodeURIComponent(target.groupId)}/documents`;
  return target.folderId ? `${base}?folderId=${encodeURIComponent(target.folderId)}` : base;
}

function failureOf(xhr: XMLHttpRequest): UploadFailure {
  let reason: string | null = null;
  let message: string | null = null;
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: { reason?: unknown; message?: unknown; fields?: { file?: unknown } };
    };
    if (typeof body.error?.reason === 'string') reason = body.error.reason;
    const fileMessage = body.error?.fields?.file;
    if (typeof body.error?.message === 'string') message = body.error.message;
    else if (typeof fileMessage === 'string') message = fileMessage;
  } catch {
    // Not the API's JSON (a proxy's error page, say): the status alone has to do.
  }
  return { status: xhr.status, reason, message, network: false, aborted: false };
}

export function isUploadFailure(error: unknown): error is UploadFailure {
  return typeof error === 'object' && error !== null && 'status' in error && 'aborted' in error;
}

export function sendFile(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  onSent: () => void = () => undefined,
): UploadRequest {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'convene');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    // Every byte is out: the server is storing the file, and cancelling now would not stop it.
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadAnswer);
        } catch {
          reject({
            status: xhr.status,
            reason: null,
            message: null,
            network: false,
            aborted: false,
          } satisfies UploadFailure);
        }
      } else reject(failureOf(xhr));
    };
    xhr.onerror = () =>
      reject({ status: 0, reason: null, message: null, network: true, aborted: false } satisfies UploadFailure);
    xhr.onabort = () =>
      reject({ status: 0, reason: null, message: null, network: false, aborted: true } satisfies UploadFailure);
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}
