// Stopping the worker lets the job it is running finish: a mail being handed to a slow SMTP
// server is still delivered and recorded as sent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EntityManager, RequestContext, type MikroORM } from '@mikro-orm/postgresql';
import { SMTPServer } from 'smtp-server';
import { JobQueue, jobIds } from '@convene/server-core';
import { MailService } from '@convene/server-mail';
import { clearRedisPrefix, openTestOrm, useTestEnvironment } from '@convene/server-testing';
import { createWorkerApp } from '../src/bootstrap.js';

describe('worker shutdown', () => {
  let smtp: SMTPServer;
  let orm: MikroORM;
  let port = 0;
  let receivedStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (receivedStarted = resolve));
  // Other tests' stored mail may be swept to this server too: count only this test's message.
  const delivered: string[] = [];
  let watched = '';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const ours = session.envelope.rcptTo.some((r) => r.address === watched);
        stream.on('data', () => undefined);
        stream.on('end', () => {
          if (ours) receivedStarted();
          // A slow server: the message is accepted a second and a half later.
          setTimeout(() => {
            if (ours) delivered.push(watched);
            callback();
          }, 1500);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
    const config = useTestEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}` }, 'shutdown');
    orm = await openTestOrm(config);
    await clearRedisPrefix(config);
  });
  afterAll(async () => {
    await orm.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('finishes the active job before it stops', async () => {
    const worker = await createWorkerApp({ logger: false });
    await worker.init();
    const em = worker.get(EntityManager);
    const to = `slow-${Date.now()}@example.org`;
    watched = to;
    const mailId = await RequestContext.create(em, async () => {
      const message = worker
        .get(MailService)
        .prepare('membership-declined', { email: to, locale: 'en' }, { groupName: 'Brexit and faith' });
      await em.flush();
      return message.id;
    });
    await worker.get(JobQueue).add('send-mail', { mailId }, { jobId: jobIds.sendMail(mailId) });

    await started; // the worker is in the middle of the SMTP exchange
    await worker.close();

    expect(delivered).toEqual([to]);
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ status: string }[]>('select status from mail_messages where id = ?', [mailId]);
    expect(row?.status).toBe('sent');
  });
});
