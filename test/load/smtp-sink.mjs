// An SMTP server that accepts every mail and keeps none: where the hub's mail goes during a load
// test. Prints "ready" once listening on the port given as its argument.
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => {
  console.error(`smtp sink: ${received} mails received`);
  server.close(() => process.exit(0));
});
