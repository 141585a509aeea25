import type { LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * The log levels to print for `LOG_LEVEL` (error, warn, log, debug or verbose): that level and
 * every more serious one. Unset or unknown, the usual `log`.
 */
export function logLevels(value: string | undefined = process.env['LOG_LEVEL']): LogLevel[] {
  const index = ORDER.indexOf((value ?? '').trim().toLowerCase() as LogLevel);
  return ORDER.slice(0, (index > 0 ? index : ORDER.indexOf('log')) + 1);
}
