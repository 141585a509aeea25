import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createRedis, ignoringDroppedAnswers } from './redis.js';

/** A port nothing listens on: connecting is refused at once, and ioredis keeps retrying. */
async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(ignoringDroppedAnswers.name, () => {
  let url: string;
  beforeAll(async () => {
    url = `redis://127.0.0.1:${await refusingPort()}/0`;
  });

  // Jest fails a test in which a rejection goes unhandled; without the wrapper this one fails with
  // three "Connection is closed." (ioredis rejects what it queued when closed mid-attempt).
  it('leaves no unhandled rejection when answers are dropped and the connection closes mid-attempt', async () => {
    const connection = ignoringDroppedAnswers(createRedis({ redisUrl: url }, 'subscriber'));
    // What socket.io's adapter and emitter send, dropping the answers as they do.
    void connection.psubscribe('room*');
    void connection.subscribe('request', 'response');
    void connection.publish('room', 'hi');
    expect(connection.status).toBe('connecting');
    connection.disconnect();
    // Unhandled rejections are reported once the microtasks that could have handled them ran.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connection.status).toBe('end');
  });

  it('still gives the failure to a caller who asks for the answer', async () => {
    const connection = ignoringDroppedAnswers(createRedis({ redisUrl: url }, 'subscriber'));
    const answer = connection.publish('room', 'hi');
    connection.disconnect();
    await expect(answer).rejects.toThrow('Connection is closed.');
  });
});
