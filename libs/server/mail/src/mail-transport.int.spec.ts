// The SMTP transport against a real SMTP server: mails share kept connections instead of opening
// one each, and stopping closes them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { createMailTransport } from './mail-transport.js';

describe(createMailTransport.name, () => {
  let smtp: SMTPServer;
  let port = 0;
  let connections = 0;
  let closed = 0;
  const received: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onClose() {
        closed += 1;
      },
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.push(session.envelope.rcptTo[0]!.address);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('sends one mail after another over one kept connection, and closes it when stopped', async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, env: 'production' });
    const mail = (to: string) => ({
      from: 'Convene <no-reply@example.org>',
      to,
      subject: 'Hello',
      text: 'Hello',
      html: '<p>Hello</p>',
    });
    for (const to of ['one@example.org', 'two@example.org', 'three@example.org'])
      expect(await transport.send(mail(to))).toBe('smtp');
    expect(received).toEqual(['one@example.org', 'two@example.org', 'three@example.org']);
    expect(connections).toBe(1);
    transport.onApplicationShutdown();
    for (let i = 0; i < 50 && closed < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(1);
  });
});
