// The worker against the real PostgreSQL, Redis and an SMTP server listening on this machine:
// a queued invitation, or a notification's email, becomes exactly one delivered mail, however
// often its job runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { EntityManager, RequestContext, type MikroORM } from '@mikro-orm/postgresql';
import { SMTPServer } from 'smtp-server';
import { JobQueue, OutboxService, jobIds, type AppConfig } from '@convene/server-core';
import { JoinPolicy, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { MailService } from '@convene/server-mail';
import { TestData, clearRedisPrefix, openTestOrm, useTestEnvironment } from '@convene/server-testing';
import { createWorkerApp } from '../src/bootstrap.js';

interface Received {
  to: string[];
  body: string;
}

async function startSmtp(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address() as { port: number };
  return { server, port: address.port };
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('mail delivery by the worker', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let config: AppConfig;
  let orm: MikroORM;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const started = await startSmtp(received);
    smtp = started.server;
    config = useTestEnvironment(
      {
        SMTP_URL: `smtp://127.0.0.1:${started.port}`,
        MAIL_FROM: 'Convene <no-reply@example.org>',
        NOTIFICATION_EMAIL_DELAY_SECONDS: '0',
      },
      'mail',
    );
    orm = await openTestOrm(config);
    await clearRedisPrefix(config);
    worker = await createWorkerApp({ logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await orm.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  /** Stores a mail the way the identity domain does: prepared in a unit of work, then flushed. */
  async function storeInvitationMail(to: string): Promise<string> {
    const em = worker.get(EntityManager);
    const mail = worker.get(MailService);
    return RequestContext.create(em, async () => {
      const message = mail.prepare(
        'network-invitation',
        { email: to, locale: 'en' },
        { inviterName: 'Amara', link: 'http://localhost:3000/invitations/abc', expiresOn: '2026-12-06' },
      );
      await em.flush();
      return message.id;
    });
  }

  const statusOf = async (id: string) =>
    (
      await orm.em
        .fork()
        .getConnection()
        .execute<{ status: string; attempts: number }[]>('select status, attempts from mail_messages where id = ?', [
          id,
        ])
    )[0];

  it('delivers a queued invitation exactly once, even when its job is queued twice and run again', async () => {
    const to = `invitee-${Date.now()}@example.org`;
    const mailId = await storeInvitationMail(to);
    const jobs = worker.get(JobQueue);
    await jobs.add('send-mail', { mailId }, { jobId: jobIds.sendMail(mailId) });
    await jobs.add('send-mail', { mailId }, { jobId: jobIds.sendMail(mailId) });
    await until(async () => (await statusOf(mailId))?.status === 'sent', 'the mail to be sent');

    // A retry of the same message after it was sent (e.g. the job ran again) sends nothing.
    expect(await worker.get(MailService).deliver(mailId)).toBe('skipped');
    // Give a stray duplicate job time to run, then count what the SMTP server received.
    await new Promise((r) => setTimeout(r, 300));
    const mine = received.filter((r) => r.to.includes(to));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain('Subject: Amara invited you to Convene');
    expect(mine[0]!.body).toContain('http://localhost:3000/invitations/abc');
    expect(await statusOf(mailId)).toEqual({ status: 'sent', attempts: 1 });
    // Sent, the stored copy keeps no link: the invitation's token is in the database only hashed.
    const [stored] = await orm.em
      .fork()
      .getConnection()
      .execute<{ text_body: string; html_body: string }[]>(
        'select text_body, html_body from mail_messages where id = ?',
        [mailId],
      );
    expect(`${stored!.text_body}${stored!.html_body}`).not.toContain('/invitations/abc');
    expect(stored!.text_body).toBe('Removed once sent: it held a private link.');
  });

  it('emails each convenor about a join request once: multipart, with a Message-ID and one-click unsubscribe headers', async () => {
    const data = new TestData(orm.em.fork());
    const group = await data.group({ joinPolicy: JoinPolicy.REQUEST, name: `Brexit and faith ${Date.now()}` });
    const convenor = await data.user({ displayName: 'Cora Convenor' });
    await data.membership(group, convenor, MembershipRole.CONVENOR);
    const applicant = await data.user({ displayName: 'Ali Applicant' });
    const request = await data.membership(group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
    const em = worker.get(EntityManager);
    const eventId = await RequestContext.create(em, async () => {
      const event = worker
        .get(OutboxService)
        .record('membership.requested', { membershipId: request.id, groupId: group.id, userId: applicant.id });
      await em.flush();
      return event.id;
    });
    const jobs = worker.get(JobQueue);
    await jobs.add('deliver-event', { eventId }, { jobId: jobIds.deliverEvent(eventId) });
    await until(async () => received.some((r) => r.to.includes(convenor.email)), 'the convenor to get an email');
    // The same event delivered again (a duplicate job) sends nothing more.
    await jobs.add('deliver-event', { eventId }, { jobId: `${jobIds.deliverEvent(eventId)}-again` });
    await new Promise((r) => setTimeout(r, 500));

    const mine = received.filter((r) => r.to.includes(convenor.email));
    expect(mine).toHaveLength(1);
    const [{ id: notificationId }] = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>('select id from notifications where event_id = ?', [eventId]);
    const body = mine[0]!.body.replace(/\r\n[ \t]+/g, ' ');
    expect(body).toContain(`Message-ID: <notification-${notificationId}@localhost>`);
    expect(body).toMatch(/Content-Type: multipart\/alternative/);
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    expect(body).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/[0-9a-f-]+\.JOIN_REQUESTS\.[\w-]+>/);
    expect(body).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(body).toContain('Subject: Ali Applicant asks to join Brexit and faith');
    expect(received.filter((r) => r.to.includes(applicant.email))).toEqual([]);
  });

  it('sweeps mail whose job was never enqueued (Redis down at commit time)', async () => {
    const to = `stranded-${Date.now()}@example.org`;
    const mailId = await storeInvitationMail(to);
    await orm.em
      .fork()
      .getConnection()
      .execute(`update mail_messages set created_at = now() - interval '5 minutes' where id = ?`, [mailId]);
    const swept = await worker.get(MailService).sweepStranded();
    expect(swept).toBeGreaterThanOrEqual(1);
    await until(async () => (await statusOf(mailId))?.status === 'sent', 'the swept mail to be sent');
    expect(received.filter((r) => r.to.includes(to))).toHaveLength(1);
  });

  it('purges expired sessions when the scheduled job runs', async () => {
    const em = orm.em.fork();
    const user = await new TestData(orm.em).user();
    await em.getConnection().execute(
      `insert into sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at) values
        (gen_random_uuid(), md5(random()::text), ?, now(), now(), now() - interval '1 minute'),
        (gen_random_uuid(), md5(random()::text), ?, now(), now() - interval '400 days', now() + interval '1 day'),
        (gen_random_uuid(), md5(random()::text), ?, now(), now(), now() + interval '1 day')`,
      [user.id, user.id, user.id],
    );
    await worker.get(JobQueue).add('purge-sessions', {}, { jobId: `purge-sessions-test-${user.id}` });
    const remaining = async () =>
      (
        await em
          .getConnection()
          .execute<{ n: number }[]>('select count(*)::int as n from sessions where user_id = ?', [user.id])
      )[0]!.n;
    await until(async () => (await remaining()) === 1, 'expired sessions to be purged');
    expect(await remaining()).toBe(1);
  });
});
