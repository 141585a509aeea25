// Files and multipart bodies for the document tests, written byte by byte so that a test controls
// exactly what the server receives (names with `../` or control characters included).
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import type { GqlClient } from './api-harness.js';

export interface FilePart {
  name: string;
  bytes: Buffer;
  /** What the client claims; the server must not believe it. */
  type?: string;
  field?: string;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A valid PNG image of `width`×1 pixels (the bytes differ with `seed`). */
export function png(width = 1, seed = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3, seed % 256);
  row[0] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(row)), chunk('IEND', Buffer.alloc(0))]);
}

/** A small valid PDF with one page saying `text`. */
export function pdf(text = 'Minutes of the meeting'): Buffer {
  const stream = `BT /F1 18 Tf 50 750 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const text = (content: string) => Buffer.from(content, 'utf8');
export const random = (bytes: number) => randomBytes(bytes);

/** A multipart/form-data body. Non-ASCII names and control characters go in `filename*` (RFC 5987). */
export function multipart(parts: FilePart[], fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
  const boundary = `----convene-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const part of parts) {
    const plain = /^[\x20-\x7e]*$/.test(part.name) && !/["\\]/.test(part.name);
    const filename = plain ? `filename="${part.name}"` : `filename*=UTF-8''${encodeURIComponent(part.name)}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'file'}"; ${filename}\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`));
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
export async function upload(baseUrl: string, client: GqlClient, path: string, parts: FilePart[], headers: Record<string, string> = {}): Promise<UploadResult> {
  const { body, contentType } = multipart(parts);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-requested-with': 'convene', ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as UploadResult['json'] };
}

/**
 * Sends the start of an upload and then drops the connection, as a browser tab closed mid-upload
 * would. Resolves once the socket is gone.
 */
export function interruptedUpload(baseUrl: string, client: GqlClient, path: string, part: FilePart, sendBytes: number): Promise<void> {
  const { body, contentType } = multipart([part]);
  const url = new URL(path, baseUrl);
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': contentType, 'content-length': String(body.length), 'x-requested-with': 'convene', cookie: client.cookie ?? '' } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(body.subarray(0, sendBytes), () => setTimeout(() => req.destroy(), 100));
  });
}

/** Streams a body without Content-Length (chunked), so only the server's own counting can stop it. */
export function chunkedUpload(baseUrl: string, client: GqlClient, path: string, part: FilePart): Promise<{ status: number; body: string }> {
  const { body, contentType } = multipart([part]);
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': contentType, 'transfer-encoding': 'chunked', 'x-requested-with': 'convene', cookie: client.cookie ?? '' } });
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
