// Files and multipart bodies for the document tests, written byte by byte so that a test controls
// exactly what the server receives (names with `../` or control characters included).
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { GqlClient } from './api-harness.js';

export { pdf, png, random, sha256, text } from '@convene/server-testing';

export interface FilePart {
  name: string;
  bytes: Buffer;
  /** What the client claims; the server must not believe it. */
  type?: string;
  field?: string;
}

/** A multipart/form-data body. Non-ASCII names and control characters go in `filename*` (RFC 5987). */
export function multipart(
  parts: FilePart[],
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----convene-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const part of parts) {
    const plain = /^[\x20-\x7e]*$/.test(part.name) && !/["\\]/.test(part.name);
    const filename = plain ? `filename="${part.name}"` : `filename*=UTF-8''${encodeURIComponent(part.name)}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; ${filename}\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(part.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadResult {
  status: number;
  json: {
    document?: { id: string; title: string; contentType: string; size: number; versionCount: number };
    version?: { number: number; fileName: string; size: number; sha256: string; contentType: string };
    error?: { code: string; reason: string; message: string; fields?: Record<string, string> };
  };
}

/** POSTs files as the client (its session cookie), the way the web app does. */
export async function upload(
  baseUrl: string,
  client: GqlClient,
  path: string,
  parts: FilePart[],
  headers: Record<string, string> = {},
): Promise<UploadResult> {
  const { body, contentType } = multipart(parts);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-requested-with': 'convene',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...headers,
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as UploadResult['json'] };
}

/**
 * Sends the start of an upload and then drops the connection, as a browser tab closed mid-upload
 * would. Resolves once the socket is gone.
 */
export function interruptedUpload(
  baseUrl: string,
  client: GqlClient,
  path: string,
  part: FilePart,
  sendBytes: number,
): Promise<void> {
  const { body, contentType } = multipart([part]);
  const url = new URL(path, baseUrl);
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'content-length': String(body.length),
        'x-requested-with': 'convene',
        cookie: client.cookie ?? '',
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(body.subarray(0, sendBytes), () => setTimeout(() => req.destroy(), 100));
  });
}

/** Streams a body without Content-Length (chunked), so only the server's own counting can stop it. */
export function chunkedUpload(
  baseUrl: string,
  client: GqlClient,
  path: string,
  part: FilePart,
): Promise<{ status: number; body: string }> {
  const { body, contentType } = multipart([part]);
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'transfer-encoding': 'chunked',
        'x-requested-with': 'convene',
        cookie: client.cookie ?? '',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 16 * 1024);
        offset += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
