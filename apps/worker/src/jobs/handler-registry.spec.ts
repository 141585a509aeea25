import { describe, expect, it } from '@jest/globals';
import { JOB_NAMES } from '@convene/server-core';
import { buildHandlerRegistry, HandlerRegistryError } from './handler-registry.js';

const handler = { handle: async () => undefined };

describe(buildHandlerRegistry.name, () => {
  it('pairs every job name with its one handler', () => {
    const registry = buildHandlerRegistry(
      JOB_NAMES,
      JOB_NAMES.map((name) => ({ name, handler })),
    );
    expect([...registry.keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => buildHandlerRegistry(['send-mail', 'sweep-mail'], [{ name: 'send-mail', handler }])).toThrow(
      /job "sweep-mail" has no handler/,
    );
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() =>
      buildHandlerRegistry(
        ['send-mail'],
        [
          { name: 'send-mail', handler },
          { name: 'send-mail', handler },
        ],
      ),
    ).toThrow(HandlerRegistryError);
  });

  it('refuses a handler for a job name nobody declared', () => {
    expect(() =>
      buildHandlerRegistry(
        ['send-mail'],
        [
          { name: 'send-mail', handler },
          { name: 'SendMailProcessor', handler },
        ],
      ),
    ).toThrow(/unknown job "SendMailProcessor"/);
  });
});
