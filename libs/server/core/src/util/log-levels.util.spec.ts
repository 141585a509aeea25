import { describe, expect, it } from '@jest/globals';
import { logLevels } from './log-levels.util.js';

describe(logLevels.name, () => {
  it('prints the level asked for and every more serious one', () => {
    expect(logLevels('debug')).toEqual(['fatal', 'error', 'warn', 'log', 'debug']);
    expect(logLevels('WARN')).toEqual(['fatal', 'error', 'warn']);
  });

  it('prints the usual levels when unset or unknown', () => {
    expect(logLevels(undefined)).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevels('chatty')).toEqual(['fatal', 'error', 'warn', 'log']);
  });
});
