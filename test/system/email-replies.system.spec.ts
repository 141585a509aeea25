// Email you can reply to, end to end: the real API (with its SMTP receiver) and worker from the
// build, and nodemailer as the member's mail program. A notification mail carries the post and a
// personal reply address; the member's reply (with a quote, a signature and a PDF) becomes one post
// and one document, however often it is delivered; refusals answer the sender and keep nothing; a
// content-free group's mail carries nothing of the post.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { pdf } from '@convene/server-testing';
import {
  Client,
  PrivateRedis,
  freePort,
  prepareDatabase,
  startApi,
  startWorker,
  systemEnv,
  until,
  type Proc,
} from './processes.js';

const GROUP_ID = `query G($slug: String!) { workingGroup(slug: $slug) { id } }`;
const CREATE_THREAD = `mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`;

interface MailRow {
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  reply_to: string | null;
}

describe('replies by email through the SMTP receiver', () => {
  let redis: PrivateRedis;
  let api: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Client;
  let smtpPort: number;
  let member: Client;

  const ok = <T>(result: { data?: T; errors?: { message: string }[] }): T => {
    if (result.errors || !result.data) throw new Error(result.errors?.[0]?.message ?? 'no data');
    return result.data;
  };
  const mailProgram = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });

  /** The member starts a discussion; someone replies; the member's notification mail about the reply. */
  async function notified(slug: string, replierEmail: string, texts: { title: string; reply: string }) {
    const groupId = ok(await member.request<{ workingGroup: { id: string } }>(GROUP_ID, { slug })).workingGroup.id;
    const threadId = ok(
      await member.request<{ createThread: { id: string } }>(CREATE_THREAD, {
        input: { groupId, title: texts.title, body: 'What do we know so far?' },
      }),
    ).createThread.id;
    const replier = await new Client(api.url).signIn(replierEmail);
    ok(await replier.request(REPLY, { input: { threadId, body: texts.reply } }));
    let mail: MailRow | undefined;
    await until(
      async () =>
        !!(mail = (
          await db.query<MailRow>(
            `select kind, subject, text_body, html_body, reply_to from mail_messages
              where to_address = 'member@example.org' and subject like $1 order by created_at desc limit 1`,
            [`%${texts.title}%`],
          )
        ).rows[0]) ||
        !!(mail = (
          await db.query<MailRow>(
            `select kind, subject, text_body, html_body, reply_to from mail_messages
              where to_address = 'member@example.org' and kind = 'content-free' and created_at > now() - interval '1 minute'
              order by created_at desc limit 1`,
          )
        ).rows[0]),
      `the member's mail about "${texts.title}"`,
      60,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the worker said:\n${worker.logs.join('').slice(-3000)}`);
    });
    return { threadId, mail: mail! };
  }

  const repliesBy = async (threadId: string, email: string) =>
    (
      await db.query<{ body: string }>(
        `select p.body from posts p join users u on u.id = p.author_id
          where p.thread_id = $1 and u.email = $2 and p.parent_id is not null order by p.created_at`,
        [threadId, email],
      )
    ).rows;
  const refusalsTo = async (address: string) =>
    Number(
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from mail_messages where kind = 'reply-refused' and to_address = $1`,
          [address],
        )
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    smtpPort = await freePort();
    redis = await PrivateRedis.start();
    const env: Record<string, string> = {
      ...systemEnv('replies', redis.url),
      INBOUND_SMTP_PORT: String(smtpPort),
      INBOUND_SMTP_HOST: '127.0.0.1',
    };
    prepareDatabase(env);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    db = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();
    member = await new Client(api.url).signIn('member@example.org');
  });
  afterAll(async () => {
    await Promise.all([api?.proc.stop(), worker?.stop()]);
    await db?.end();
    await redis?.remove();
  });

  it('posts a reply sent to the mail’s reply address once, without quote or signature, with its PDF shared', async () => {
    const { threadId, mail } = await notified('health-and-social-care', 'admin@example.org', {
      title: 'Interpreters at A&E',
      reply: 'None were available **at night** last week.',
    });
    expect(mail.kind).toBe('post');
    expect(mail.text_body).toContain('None were available **at night** last week.');
    expect(mail.html_body).toContain('<strong>at night</strong>');
    expect(mail.reply_to).toMatch(/^reply\+[a-z2-7]{26}@convene\.localhost$/);

    const reply = {
      from: 'Sam Member <member@example.org>',
      to: mail.reply_to!,
      subject: `Re: ${mail.subject}`,
      messageId: '<interpreters-1@mail.example.org>',
      text: [
        'The same at the walk-in centre. I have the letter they gave us.',
        '',
        '-- ',
        'Sam',
        'Sent from my phone',
        '',
        `On Mon, 7 Dec 2026 at 09:12, Convene <no-reply@convene.localhost> wrote:`,
        '> None were available at night last week.',
      ].join('\n'),
      attachments: [{ filename: 'walk-in-letter.pdf', content: pdf('Letter from the walk-in centre') }],
    };
    await mailProgram().sendMail(reply);
    await until(
      async () => (await repliesBy(threadId, 'member@example.org')).length > 0,
      'the emailed reply',
      30,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the API said:\n${api.proc.logs.join('').slice(-3000)}`);
    });
    // Delivered again (a sending server that retried): still one post, one document.
    await mailProgram().sendMail(reply);
    const posts = await repliesBy(threadId, 'member@example.org');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toContain('The same at the walk-in centre. I have the letter they gave us.');
    expect(posts[0]!.body).not.toContain('Sent from my phone');
    expect(posts[0]!.body).not.toContain('None were available');
    const documents = await db.query(`select id from documents where title = 'walk-in-letter.pdf'`);
    expect(documents.rowCount).toBe(1);
    expect(posts[0]!.body).toContain(`(/documents/${(documents.rows[0] as { id: string }).id})`);
  });

  it('refuses mail for any other address at RCPT TO', async () => {
    await expect(
      mailProgram().sendMail({ from: 'member@example.org', to: 'someone@convene.localhost', text: 'Hello' }),
    ).rejects.toThrow(/550/);
  });

  it('answers a reply from another mailbox or to an ended address, and keeps nothing of it', async () => {
    const { threadId, mail } = await notified('health-and-social-care', 'admin@example.org', {
      title: 'Pharmacy charges',
      reply: 'Some pharmacies charge for the form.',
    });
    const stranger = 'member.private@elsewhere.example';
    await mailProgram().sendMail({ from: stranger, to: mail.reply_to!, subject: 'Re', text: 'From my other mailbox' });
    await mailProgram().sendMail({
      from: 'member@example.org',
      to: `reply+${'q'.repeat(26)}@convene.localhost`,
      subject: 'Re',
      text: 'To an address that was never made',
    });
    await until(async () => (await refusalsTo(stranger)) === 1, 'the answer to the other mailbox', 30);
    await until(async () => (await refusalsTo('member@example.org')) === 1, 'the answer about the ended address', 30);
    expect(await repliesBy(threadId, 'member@example.org')).toEqual([]);
    expect(await repliesBy(threadId, stranger)).toEqual([]);
  });

  it('mails nothing of the post, and no reply address, where the group is content-free', async () => {
    const { mail } = await notified('policing-and-surveillance', 'convenor@example.org', {
      title: 'Stop and search at the market',
      reply: 'Officers stopped three people near the fish stalls.',
    });
    expect(mail.kind).toBe('content-free');
    expect(mail.reply_to).toBeNull();
    for (const words of ['Officers', 'fish stalls', 'Stop and search'])
      expect(`${mail.subject} ${mail.text_body} ${mail.html_body}`).not.toContain(words);
  });
});
