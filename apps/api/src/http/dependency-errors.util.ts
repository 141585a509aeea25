// A request that failed because PostgreSQL (or another service the API talks to) could not be
// reached is worth retrying in a moment; the client is told SERVICE_UNAVAILABLE, not that
// something broke. Recognised by the codes and messages the drivers use for a lost or refused
// connection, however deep the error was wrapped.
import { ConnectionException } from '@mikro-orm/core';

export const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable. Please try again in a moment.';

/**
 * SQLSTATEs of a server going away or refusing connections (admin_shutdown, crash_shutdown,
 * cannot_connect_now, too_many_connections, the connection_exception class), and Node's socket codes.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/** node-postgres's own errors for a connection that died or never came (they carry no code). */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error instanceof ConnectionException) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (UNAVAILABLE_MESSAGES.test(error.message)) return true;
  const inner = error instanceof AggregateError ? error.errors : [error.cause];
  return inner.some((e) => isDependencyUnavailable(e, depth + 1));
}
