import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode } from '@convene/shared-contracts';
import { DomainError, httpStatusFor } from '@convene/server-core';
import { UNAVAILABLE_MESSAGE, isDependencyUnavailable } from './dependency-errors.util.js';

const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.BadUserInput,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * Shapes REST errors like GraphQL ones: { error: { code, reason, message, fields } }, never a stack.
 * GraphQL errors are passed on untouched to Apollo's formatError.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof DomainError) {
      res.status(exception.httpStatus ?? httpStatusFor(exception.code)).json({
        error: {
          code: exception.code,
          reason: exception.reason,
          message: exception.message,
          fields: exception.fields,
        },
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODES_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadUserInput);
      res.status(status).json({ error: { code, message: status === 404 ? 'Not found.' : exception.message } });
      return;
    }
    if (isDependencyUnavailable(exception)) {
      // E.g. PostgreSQL restarting while the session was looked up: retryable, and no stack to log.
      this.logger.warn(`Service unavailable: ${(exception as Error).message}`);
      res.status(503).json({
        error: { code: ErrorCode.ServiceUnavailable, reason: 'DEPENDENCY_UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
      });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res
      .status(500)
      .json({ error: { code: ErrorCode.Internal, message: 'Something went wrong on our side. Please try again.' } });
  }
}
