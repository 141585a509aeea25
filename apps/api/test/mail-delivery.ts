// Delivers the mail the API queues during a test, as the worker does in production: a BullMQ worker
// on the same queue and Redis prefix hands each `send-mail` job to MailService.deliver. With no
// SMTP_URL configured, delivered mail is what the development mailbox (GET /api/dev/mail) lists.
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_QUEUES, createRedis, type JobPayloads } from '@convene/server-core';
import { MailService } from '@convene/server-mail';
import type { ApiHarness, GqlClient } from './api-harness.js';

export interface DevMailboxEntry {
  to: string;
  subject: string;
  text: string;
}

export class TestMailDelivery {
  private constructor(
    private readonly worker: Worker,
    private readonly connection: Redis,
  ) {}

  static start(api: ApiHarness): TestMailDelivery {
    const mail = api.app.get(MailService);
    const connection = createRedis(api.config, 'worker');
    const worker = new Worker(
      JOB_QUEUES['send-mail'],
      async (job: Job<JobPayloads['send-mail']>) => {
        if (job.name !== 'send-mail') throw new Error(`The test mail delivery only handles send-mail, not ${job.name}`);
        return mail.deliver(job.data.mailId);
      },
      { connection, prefix: `${api.config.redisPrefix}:bull`, concurrency: 5 },
    );
    return new TestMailDelivery(worker, connection);
  }

  async stop(): Promise<void> {
    await this.worker.close();
    this.connection.disconnect();
  }
}

/** The development mailbox as a browser would read it. */
export async function devMailbox(client: GqlClient): Promise<DevMailboxEntry[]> {
  const res = await client.get('/api/dev/mail');
  if (res.status !== 200) throw new Error(`GET /api/dev/mail answered ${res.status}`);
  return (await res.json()) as DevMailboxEntry[];
}

/** Waits until a mail to `to` is in the development mailbox, and returns the newest one. */
export async function waitForMail(client: GqlClient, to: string, timeoutMs = 10_000): Promise<DevMailboxEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await devMailbox(client)).find((m) => m.to === to);
    if (mail) return mail;
    if (Date.now() > deadline)
      throw new Error(`No mail to ${to} reached the development mailbox within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The invitation token in a mail's /invitations/<token> link. */
export function invitationToken(mail: DevMailboxEntry, publicUrl: string): string {
  const match = new RegExp(`${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/invitations/([A-Za-z0-9_-]+)`).exec(
    mail.text,
  );
  if (!match?.[1]) throw new Error(`The mail to ${mail.to} has no invitation link: ${mail.text}`);
  return match[1];
}
