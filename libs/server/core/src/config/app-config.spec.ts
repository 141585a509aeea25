import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, redactUrl } from './app-config.js';

// A VAPID key pair made for these tests (production refuses to start without one).
const VAPID = {
  VAPID_PUBLIC_KEY: 'BF0AOyaYE8g7SHgqP5ZovL24JcJwpD_clnTdCFrSKs1DI58V5UcKXoJR5-uk8AayLz-l9afMhmmTmIcPA7ECiU8',
  VAPID_PRIVATE_KEY: 's3NiEQ1YtpjVkfUzpa9WgsLgfY8eSuB6if9dWxzbPYw',
};

describe(loadConfig.name, () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/convene',
      databasePoolMax: 10,
      redisUrl: 'redis://127.0.0.1:6379',
      publicUrl: 'http://localhost:3000',
      demoPassword: 'convene-demo-pass',
      seedDemo: true,
      smtpUrl: null,
    });
    expect(config.session.secureCookie).toBe(false);
  });

  it('never seeds demo data in production and uses secure cookies there', () => {
    const config = loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true', ...VAPID });
    expect(config.seedDemo).toBe(false);
    expect(config.session).toMatchObject({ secureCookie: true, cookieName: '__Host-convene_session' });
  });

  it('reports every malformed variable at once, by name, without printing passwords', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        DATABASE_POOL_MAX: '1',
        REDIS_URL: 'not a url',
        NODE_ENV: 'staging',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/DATABASE_POOL_MAX must be a whole number between 2 and 500/);
    expect(problems).toMatch(/REDIS_URL/);
    expect(problems).toMatch(/NODE_ENV/);
    expect(problems).not.toContain('hunter2');
  });

  it('takes replies by email on port 2525 in development only unless told, at the sending domain, with a long enough secret', () => {
    expect(loadConfig({}).inboundMail).toEqual({
      domain: 'convene.localhost',
      smtpPort: 2525,
      smtpHost: '127.0.0.1',
      secret: null,
      maxBytes: 25 * 1024 * 1024,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).inboundMail.smtpPort).toBe(0);
    const production = loadConfig({ NODE_ENV: 'production', MAIL_FROM: 'Convene <hub@Migrants.Example>', ...VAPID });
    expect([production.inboundMail.smtpPort, production.inboundMail.domain]).toEqual([0, 'migrants.example']);
    expect(() => loadConfig({ INBOUND_MAIL_SECRET: 'short' })).toThrow(/INBOUND_MAIL_SECRET must be at least 24/);
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '70000' })).toThrow(/INBOUND_SMTP_PORT must be a whole number/);
  });

  it('runs only persisted documents in production unless told otherwise, and refuses a value that is not a flag', () => {
    expect(loadConfig({}).graphqlTrustedDocuments).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).graphqlTrustedDocuments).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...VAPID }).graphqlTrustedDocuments).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_TRUSTED_DOCUMENTS: 'false', ...VAPID }).graphqlTrustedDocuments,
    ).toBe(false);
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'TRUE' }).graphqlTrustedDocuments).toBe(true);
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'on' })).toThrow(
      'GRAPHQL_TRUSTED_DOCUMENTS must be true or false (got "on")',
    );
  });

  it('serves no metrics unless a port is given, and then on this machine only by default', () => {
    expect(loadConfig({}).metrics).toEqual({ host: '127.0.0.1', ports: { api: null, worker: null } });
    expect(
      loadConfig({ NODE_ENV: 'production', METRICS_PORT: ' ', WORKER_METRICS_PORT: '', ...VAPID }).metrics,
    ).toEqual({
      host: '127.0.0.1',
      ports: { api: null, worker: null },
    });
    expect(loadConfig({ METRICS_PORT: '9464', WORKER_METRICS_PORT: '9465', METRICS_HOST: '10.0.0.5' }).metrics).toEqual(
      { host: '10.0.0.5', ports: { api: 9464, worker: 9465 } },
    );
  });

  it('refuses a malformed metrics port, or the public port, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ METRICS_PORT: 'yes', WORKER_METRICS_PORT: '70000' })).toEqual([
      'METRICS_PORT must be a whole number between 1 and 65535 (got "yes")',
      'WORKER_METRICS_PORT must be a whole number between 1 and 65535 (got "70000")',
    ]);
    expect(problems({ PORT: '8080', METRICS_PORT: '8080' })).toEqual([
      expect.stringMatching(/^METRICS_PORT must not be the public PORT/),
    ]);
  });

  it('redacts passwords in URLs', () => {
    expect(redactUrl('postgres://u:secret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });

  it('takes the VAPID keys and contact from the environment, and makes none up in production', () => {
    expect(loadConfig({ ...VAPID, VAPID_SUBJECT: 'mailto:ops@example.org' }).webPush).toEqual({
      keys: { publicKey: VAPID.VAPID_PUBLIC_KEY, privateKey: VAPID.VAPID_PRIVATE_KEY },
      subject: 'mailto:ops@example.org',
    });
    // Outside production, none given: the hub keeps a pair of its own in the data directory.
    expect(loadConfig({ MAIL_FROM: 'Hub <hub@example.org>' }).webPush).toEqual({
      keys: null,
      subject: 'mailto:hub@example.org',
    });
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production/,
    );
  });

  it('refuses a VAPID key of the wrong shape, half a pair and a contact that is not mailto: or https:', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ ...VAPID, VAPID_PUBLIC_KEY: 'not+base64url' })).toMatch(
      /VAPID_PUBLIC_KEY must be a P-256 public key/,
    );
    expect(problems({ ...VAPID, VAPID_PRIVATE_KEY: VAPID.VAPID_PUBLIC_KEY })).toMatch(/VAPID_PRIVATE_KEY must be/);
    expect(problems({ VAPID_PUBLIC_KEY: VAPID.VAPID_PUBLIC_KEY })).toMatch(/must be set together/);
    expect(problems({ ...VAPID, VAPID_SUBJECT: 'http://example.org' })).toMatch(/VAPID_SUBJECT must be a mailto:/);
  });
});
