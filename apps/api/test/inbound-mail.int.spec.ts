// Email you can reply to, through the providers' HTTP route (the SMTP receiver hands its mail to
// the same service; test/system/email-replies.system.spec.ts drives it over SMTP). A notification
// mail about a post carries the post and a personal reply address; a reply to it becomes a post as
// its person, without the quoted mail and the signature, its attachments shared as documents;
// every refusal answers the sender and keeps nothing; the same mail delivered twice posts once.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipRole } from '@convene/shared-contracts';
import { NotificationMailService, NotificationsService } from '@convene/server-notifications';
import type { WorkingGroup } from '@convene/server-groups';
import type { User } from '@convene/server-identity';
import { useApiHarness, type GqlClient } from './api-harness.js';
import { pdf } from './document-files.js';
import { dataOf } from './group-personas.js';

const SECRET = 'an-inbound-mail-secret-for-the-tests';
/** A reply address's token as the hub makes them: 26 of a–z and 2–7. */
const randomToken = () =>
  Array.from({ length: 26 }, () => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]).join('');
const CREATE = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const LOCK = `mutation L($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { id locked } }`;
const SETTINGS = `mutation S($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { contentFree } }`;

interface MailRow {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  reply_to: string | null;
  conversation_id: string | null;
  kind: string;
}

describe('email you can reply to', () => {
  // A small size limit, to see a mail over it refused.
  const api = useApiHarness({ INBOUND_MAIL_SECRET: SECRET, INBOUND_MAIL_MAX_BYTES: String(256 * 1024) });
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  let group: WorkingGroup;
  let author: User;
  let reader: User;
  let authorClient: GqlClient;
  let convenorClient: GqlClient;

  beforeAll(async () => {
    group = await api.data.group({ name: 'Health and Social Care' });
    author = await api.data.user({ displayName: 'Amina Author' });
    reader = await api.data.user({ displayName: 'Rami Reader', locale: 'ar' });
    const convenor = await api.data.user();
    await api.data.membership(group, author);
    await api.data.membership(group, reader);
    await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    authorClient = await api.signedIn(author);
    convenorClient = await api.signedIn(convenor);
    // New discussions come by email as they happen (the default gathers them into the digest).
    dataOf(
      await (
        await api.signedIn(reader)
      ).request(SETTINGS, {
        input: { channels: [{ category: 'DISCUSSIONS', inApp: true, email: 'IMMEDIATE' }] },
      }),
    );
  });

  /** A new thread by the author, and the reader's notification mail about it (sent now, not after the delay). */
  async function threadMailedToReader(
    body = 'The trust shares **addresses** with the Home Office. See [the policy](/documents/x).',
  ) {
    const threadId = dataOf(
      await authorClient.request<{ createThread: { id: string } }>(CREATE, {
        input: { groupId: group.id, title: `GP registration ${Math.random().toString(36).slice(2, 7)}`, body },
      }),
    ).createThread.id;
    const [event] = await sql<{ id: string }>(
      `select id from outbox_events where type = 'thread.created' and payload->>'threadId' = ?`,
      [threadId],
    );
    await api.asJob(() => api.app.get(NotificationsService).fanOut(event!.id));
    const mine = await sql<{ id: string }>(
      `select n.id from notifications n where n.event_id = ? and n.recipient_id = ?`,
      [event!.id, reader.id],
    );
    await api.asJob(() => api.app.get(NotificationMailService).sendImmediate(mine.map((m) => m.id)));
    const [mail] = await sql<MailRow>(
      `select * from mail_messages where to_address = ? and kind = 'post' and conversation_id like ? order by created_at desc`,
      [reader.email, `<thread-${threadId}@%`],
    );
    return { threadId, mail: mail! };
  }

  /** A raw reply as a mail program writes it: the new text, a signature, the quoted mail, attachments. */
  function replyMail(options: {
    from: string;
    to: string;
    text: string;
    messageId?: string;
    attachments?: { name: string; type: string; bytes: Buffer }[];
    headers?: string[];
  }): Buffer {
    const boundary = 'convene-boundary-42';
    const id = options.messageId ?? `<${Math.random().toString(36).slice(2)}@mail.example.org>`;
    const parts = [
      [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', options.text].join('\r\n'),
      ...(options.attachments ?? []).map((a) =>
        [
          `--${boundary}`,
          `Content-Type: ${a.type}; name="${a.name}"`,
          `Content-Disposition: attachment; filename="${a.name}"`,
          'Content-Transfer-Encoding: base64',
          '',
          a.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
        ].join('\r\n'),
      ),
    ];
    return Buffer.from(
      [
        `From: ${options.from}`,
        `To: ${options.to}`,
        'Subject: Re: GP registration',
        `Message-ID: ${id}`,
        ...(options.headers ?? []),
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        ...parts,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
  }

  const deliver = (raw: Buffer, secret: string | null = SECRET) =>
    fetch(`${api.url}/api/inbound-mail`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: new Uint8Array(raw),
    });

  const posts = (threadId: string) =>
    sql<{ body: string; author_id: string }>(
      'select body, author_id from posts where thread_id = ? and parent_id is not null order by created_at',
      [threadId],
    );
  const documentsOf = (title: string) =>
    sql<{ id: string }>('select id from documents where group_id = ? and title = ? and deleted_at is null', [
      group.id,
      title,
    ]);
  const refusals = (to: string) =>
    sql<MailRow>(`select * from mail_messages where kind = 'reply-refused' and to_address = ? order by created_at`, [
      to,
    ]);

  it('mails the post itself with a personal reply address, in the reader’s language', async () => {
    const { threadId, mail } = await threadMailedToReader();
    expect(mail.subject).toMatch(/^GP registration \w+ \[Health and Social Care\]$/);
    expect(mail.text_body).toContain('The trust shares **addresses** with the Home Office.');
    expect(mail.html_body).toContain('<strong>addresses</strong>');
    // The post's own links lead to the hub, not to a path of the mail program.
    expect(mail.html_body).toContain(`href="${api.config.publicUrl}/documents/x"`);
    expect(mail.text_body).toContain(`${api.config.publicUrl}/threads/${threadId}#post-`);
    // In Arabic: the reader chose it.
    expect(mail.text_body).toContain('افتح النقاش');
    expect(mail.reply_to).toMatch(/^reply\+[a-z2-7]{26}@convene\.localhost$/);
    // The same address for every mail about this discussion.
    const [{ n }] = (await sql<{ n: number }>(
      'select count(*)::int as n from reply_addresses where user_id = ? and thread_id = ?',
      [reader.id, threadId],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('posts a reply as its person, without the quoted mail and the signature, with its PDF as a document', async () => {
    const { threadId, mail } = await threadMailedToReader();
    const text = [
      'Two surgeries near us refuse people without proof of address.',
      '',
      '-- ',
      'Rami Reader',
      'Community advice worker',
      '',
      'On Mon, 7 Dec 2026 at 10:00, Convene <no-reply@convene.localhost> wrote:',
      '> The trust shares addresses with the Home Office.',
    ].join('\r\n');
    const name = `surgery-letters-${Math.random().toString(36).slice(2, 7)}.pdf`;
    const raw = replyMail({
      from: reader.email,
      to: mail.reply_to!,
      text,
      attachments: [{ name, type: 'application/pdf', bytes: pdf('Letters from two surgeries') }],
    });
    const res = await deliver(raw);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { outcome: string }).outcome).toBe('posted');
    const [post, ...more] = await posts(threadId);
    expect(more).toEqual([]);
    expect(post!.author_id).toBe(reader.id);
    expect(post!.body).toContain('Two surgeries near us refuse people without proof of address.');
    expect(post!.body).not.toContain('Community advice worker');
    expect(post!.body).not.toContain('Home Office');
    const [document] = await documentsOf(name);
    expect(post!.body).toContain(`[${name}](/documents/${document!.id})`);
    expect(
      await sql('select 1 from document_thread_links where document_id = ? and thread_id = ?', [
        document!.id,
        threadId,
      ]),
    ).toHaveLength(1);

    // The same mail again (a sending server that retried): nothing new.
    const again = await deliver(raw);
    expect(((await again.json()) as { outcome: string }).outcome).toBe('duplicate');
    expect(await posts(threadId)).toHaveLength(1);
    expect(await documentsOf(name)).toHaveLength(1);
  });

  describe('refuses, answers the sender and keeps nothing', () => {
    async function refused(raw: Buffer, sender: string, reason: string, threadId: string, fileName?: string) {
      const before = (await refusals(sender)).length;
      const res = await deliver(raw);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ outcome: 'refused', reason, bounced: true });
      expect(await posts(threadId)).toEqual([]);
      if (fileName) expect(await documentsOf(fileName)).toEqual([]);
      const answers = await refusals(sender);
      expect(answers).toHaveLength(before + 1);
      return answers.at(-1)!;
    }

    it('an address that was never made, in English to a stranger', async () => {
      const { threadId } = await threadMailedToReader();
      const stranger = 'someone@elsewhere.example';
      const answer = await refused(
        replyMail({ from: stranger, to: `reply+${'a'.repeat(26)}@convene.localhost`, text: 'Hello' }),
        stranger,
        'unknown-address',
        threadId,
      );
      expect(answer.subject).toBe('Not posted: Re: GP registration');
      expect(answer.text_body).toContain('does not take replies');
    });

    it('mail from another address than the person’s', async () => {
      const { threadId, mail } = await threadMailedToReader();
      const other = 'rami.reader@another-mailbox.example';
      await refused(
        replyMail({ from: other, to: mail.reply_to!, text: 'From my other mailbox' }),
        other,
        'wrong-sender',
        threadId,
      );
    });

    it('a person who left the group, in their language', async () => {
      const leaver = await api.data.user({ locale: 'ar' });
      const membership = await api.data.membership(group, leaver);
      const threadId = dataOf(
        await authorClient.request<{ createThread: { id: string } }>(CREATE, {
          input: { groupId: group.id, title: 'Leaving soon', body: 'A question for everyone.' },
        }),
      ).createThread.id;
      const [{ token }] = (await sql<{ token: string }>(
        `insert into reply_addresses (id, token, user_id, thread_id, membership_id, password_stamp, created_at)
         select gen_random_uuid(), ?, u.id, ?, ?, u.password_changed_at, now() from users u where u.id = ? returning token`,
        [randomToken(), threadId, membership.id, leaver.id],
      )) as [{ token: string }];
      await sql('delete from memberships where id = ?', [membership.id]);
      const answer = await refused(
        replyMail({ from: leaver.email, to: `reply+${token}@convene.localhost`, text: 'Still here?' }),
        leaver.email,
        'not-member',
        threadId,
      );
      expect(answer.text_body).toContain('لم تعد عضواً');
    });

    it('a locked discussion', async () => {
      const { threadId, mail } = await threadMailedToReader();
      dataOf(await convenorClient.request(LOCK, { id: threadId, locked: true }));
      await refused(
        replyMail({ from: reader.email, to: mail.reply_to!, text: 'One more thing' }),
        reader.email,
        'locked',
        threadId,
      );
    });

    it('an attachment that can’t be shared (a program), with none of the others kept', async () => {
      const { threadId, mail } = await threadMailedToReader();
      const kept = `fine-${Math.random().toString(36).slice(2, 7)}.pdf`;
      const answer = await refused(
        replyMail({
          from: reader.email,
          to: mail.reply_to!,
          text: 'Here are the files',
          attachments: [
            { name: kept, type: 'application/pdf', bytes: pdf('Fine') },
            { name: 'setup.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00 a program') },
          ],
        }),
        reader.email,
        'file-refused',
        threadId,
        kept,
      );
      expect(answer.text_body).toContain('setup.exe');
    });

    it('a mail with nothing of its own (only the quoted mail and a signature)', async () => {
      const { threadId, mail } = await threadMailedToReader();
      await refused(
        replyMail({ from: reader.email, to: mail.reply_to!, text: '> The trust shares addresses\r\n\r\n-- \r\nRami' }),
        reader.email,
        'empty',
        threadId,
      );
    });

    it('an address whose person changed their password since', async () => {
      const { threadId, mail } = await threadMailedToReader();
      await sql('update users set password_changed_at = now() where id = ?', [reader.id]);
      await refused(
        replyMail({ from: reader.email, to: mail.reply_to!, text: 'Old address' }),
        reader.email,
        'unknown-address',
        threadId,
      );
      // The next mail about the discussion carries a new address.
      const next = await threadMailedToReader();
      expect(next.mail.reply_to).not.toBe(mail.reply_to);
    });

    it('never answers an automatic reply (no loops), and still keeps nothing', async () => {
      const { threadId, mail } = await threadMailedToReader();
      const before = (await refusals(reader.email)).length;
      const res = await deliver(
        replyMail({
          from: reader.email,
          to: mail.reply_to!,
          text: '> only a quote',
          headers: ['Auto-Submitted: auto-replied'],
        }),
      );
      expect(await res.json()).toEqual({ outcome: 'refused', reason: 'empty', bounced: false });
      expect(await refusals(reader.email)).toHaveLength(before);
      expect(await posts(threadId)).toEqual([]);
    });
  });

  it('keeps the post out of the mail where the group is content-free', async () => {
    await sql('update working_groups set content_free_notifications = true where id = ?', [group.id]);
    try {
      const { mail } = await threadMailedToReader('A private matter about a named person.');
      expect(mail).toBeUndefined();
      const [line] = await sql<MailRow>(
        `select * from mail_messages where to_address = ? order by created_at desc limit 1`,
        [reader.email],
      );
      expect(line!.kind).toBe('content-free');
      expect(line!.text_body).not.toContain('A private matter');
      expect(line!.reply_to).toBeNull();
    } finally {
      await sql('update working_groups set content_free_notifications = false where id = ?', [group.id]);
    }
  });

  it('takes mail only with the providers’ secret', async () => {
    const { threadId, mail } = await threadMailedToReader();
    const raw = replyMail({ from: reader.email, to: mail.reply_to!, text: 'Via a guessed route' });
    expect((await deliver(raw, null)).status).toBe(401);
    expect((await deliver(raw, 'not-the-secret-at-all-not-the-secret')).status).toBe(401);
    expect(await posts(threadId)).toEqual([]);
  });

  it('refuses a mail larger than the limit (413) and keeps nothing', async () => {
    const { threadId, mail } = await threadMailedToReader();
    const big = replyMail({
      from: reader.email,
      to: mail.reply_to!,
      text: 'A long one',
      attachments: [{ name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.alloc(300 * 1024, 7) }],
    });
    const res = await deliver(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('MAIL_TOO_LARGE');
    expect(await posts(threadId)).toEqual([]);
  });
});

describe('email replies, with the route off', () => {
  const api = useApiHarness({ INBOUND_MAIL_SECRET: '' });

  it('has no providers’ route without a secret configured (404)', async () => {
    const res = await fetch(`${api.url}/api/inbound-mail`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: 'Bearer anything' },
      body: 'From: a@b.example\r\n\r\nhello',
    });
    expect(res.status).toBe(404);
  });
});
