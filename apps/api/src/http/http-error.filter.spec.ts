import { describe, expect, it, jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import { ErrorCode } from '@convene/shared-contracts';
import { HttpErrorFilter } from './http-error.filter.js';

function httpHost() {
  const res = { headersSent: false, status: jest.fn(), json: jest.fn() };
  res.status.mockReturnValue(res);
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, res };
}

describe(HttpErrorFilter.name, () => {
  it('answers a refused database connection (e.g. in the session middleware) with a retryable 503', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { host, res } = httpHost();
    new HttpErrorFilter().catch(
      new DriverException(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
      host,
    );
    expect(res.status).toHaveBeenCalledWith(503);
    expect(res.json).toHaveBeenCalledWith({
      error: {
        code: ErrorCode.ServiceUnavailable,
        reason: 'DEPENDENCY_UNAVAILABLE',
        message: 'The service is briefly unavailable. Please try again in a moment.',
      },
    });
    warn.mockRestore();
  });

  it('still answers any other unexpected error with a generic 500 and no stack', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, res } = httpHost();
    new HttpErrorFilter().catch(new TypeError('x is undefined'), host);
    expect(res.status).toHaveBeenCalledWith(500);
    expect(res.json).toHaveBeenCalledWith({
      error: { code: ErrorCode.Internal, message: 'Something went wrong on our side. Please try again.' },
    });
    error.mockRestore();
  });
});
