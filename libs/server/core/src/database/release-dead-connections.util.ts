import type { Pool, PoolClient } from 'pg';

/**
 * Gives a connection that died while checked out back to the pool, as broken.
 *
 * Kysely (under MikroORM) returns a transaction's connection only once its COMMIT or ROLLBACK has
 * succeeded, and never when its BEGIN failed. When PostgreSQL goes away in the middle of a
 * transaction those statements fail, and the dead connection keeps its slot in the pool for good:
 * after a few restarts of PostgreSQL under load the pool holds nothing else, every query waits for
 * a connection until it times out, and shutting down waits for ever for them to come back. Once a
 * checked-out connection has ended, this releases it with an error (the pool drops it); the
 * holder's own release, if it still comes, does nothing.
 */
export function releaseDeadConnections(pool: Pool): void {
  const checkedOut = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.once('end', () => {
      if (!checkedOut.has(client)) return;
      const release = client.release;
      client.release = () => undefined;
      release(new Error('The connection ended while checked out'));
    });
  });
}
