// Requests Node's HTTP parser refuses before Express ever sees them (a URL or headers past its
// 16 KB limit, a malformed request line, a timed-out request) get the same JSON error shape and
// the same no-script policy as every other refusal, instead of Node's bare status line.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '@convene/shared-contracts';

/** The statuses Node itself gives these errors; anything else is a plain 400. */
const STATUS_BY_PARSER_ERROR: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request’s address or headers are too long.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'The request is too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
};

export function answerClientErrorsAsJson(server: Server): void {
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null }) => {
      // Like Node's own handler: nothing is written to a socket that is gone, or into a response
      // that has already started (the bytes would corrupt it).
      if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent)
        return void socket.destroy();
      const [status, statusText, message] = STATUS_BY_PARSER_ERROR[error.code ?? ''] ?? [
        400,
        'Bad Request',
        'The request could not be read.',
      ];
      const body = JSON.stringify({ error: { code: ErrorCode.BadUserInput, reason: 'BAD_REQUEST', message } });
      socket.write(
        [
          `HTTP/1.1 ${status} ${statusText}`,
          'Content-Type: application/json; charset=utf-8',
          `Content-Length: ${Buffer.byteLength(body)}`,
          'X-Content-Type-Options: nosniff',
          "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          'Connection: close',
          '',
          body,
        ].join('\r\n'),
      );
      // The rest of the request is not read: the connection goes, as Node's own handler does it.
      socket.destroy();
    },
  );
}
