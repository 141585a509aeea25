import { EventEmitter } from 'node:events';
import { describe, expect, it, jest } from '@jest/globals';
import type { Pool, PoolClient } from 'pg';
import { releaseDeadConnections } from './release-dead-connections.util.js';

/** Just what the pool does around one client: connect, acquire, and release (which emits `release`). */
function poolWithClient() {
  const pool = new EventEmitter();
  const client = new EventEmitter() as EventEmitter & { release: (error?: Error) => void };
  const poolRelease = jest.fn((error?: Error) => void pool.emit('release', error, client));
  const acquire = () => {
    client.release = (error?: Error) => poolRelease(error);
    pool.emit('acquire', client);
  };
  releaseDeadConnections(pool as unknown as Pool);
  pool.emit('connect', client as unknown as PoolClient);
  return { client, poolRelease, acquire };
}

describe(releaseDeadConnections.name, () => {
  it('releases, as broken, a connection that ended while its holder kept it', () => {
    const { client, poolRelease, acquire } = poolWithClient();
    acquire();
    client.emit('end');
    expect(poolRelease).toHaveBeenCalledTimes(1);
    expect(poolRelease.mock.calls[0]![0]).toBeInstanceOf(Error);
    // The holder's release, coming late, must not release it twice (the pool would throw).
    client.release();
    expect(poolRelease).toHaveBeenCalledTimes(1);
  });

  it('leaves alone a connection that ended after it was returned', () => {
    const { client, poolRelease, acquire } = poolWithClient();
    acquire();
    client.release();
    client.emit('end');
    expect(poolRelease).toHaveBeenCalledTimes(1);
    expect(poolRelease.mock.calls[0]![0]).toBeUndefined();
  });
});
