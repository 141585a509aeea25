import { describe, expect, it } from '@jest/globals';
import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isDependencyUnavailable } from './dependency-errors.util.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe(isDependencyUnavailable.name, () => {
  it.each([
    [
      'PostgreSQL shutting down under a query (57P01)',
      new DriverException(withCode('terminating connection due to administrator command', '57P01')),
    ],
    ['PostgreSQL starting up (57P03)', new DriverException(withCode('the database system is starting up', '57P03'))],
    ['a refused connection', new DriverException(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))],
    ['a connection that died', new DriverException(new Error('Connection terminated unexpectedly'))],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a connection exception', new ConnectionException(new Error('gone'))],
    [
      'one wrapped as a cause',
      new Error('could not load', { cause: withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED') }),
    ],
    [
      'one of several addresses refused',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed'),
    ],
  ])('recognises %s', (_what, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a constraint violation',
      new UniqueConstraintViolationException(withCode('duplicate key value violates unique constraint', '23505')),
    ],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message that only mentions a connection', new Error('Connection terminated unexpectedly, said the user')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_what, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
