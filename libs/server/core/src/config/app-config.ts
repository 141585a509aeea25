// Configuration comes only from environment variables, with safe local defaults.
// Every problem is reported at once, naming the variable, so start-up fails with one clear message.

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  /**
   * Most PostgreSQL connections each process (an API instance, the worker) keeps. PostgreSQL's
   * max_connections must cover every process's share.
   */
  databasePoolMax: number;
  redisUrl: string;
  /** Prefix for every Redis key (queues, rate limits, socket adapter). */
  redisPrefix: string;
  smtpUrl: string | null;
  mailFrom: string;
  demoPassword: string;
  /** Seed demo data into an empty database (never in production). */
  seedDemo: boolean;
  webDistDir: string | null;
  session: {
    idleMinutes: number;
    absoluteDays: number;
    cookieName: string;
    secureCookie: boolean;
    cacheSeconds: number;
  };
  invitationTtlDays: number;
  /**
   * How long an "email straight away" notification waits before its email is written. Someone who
   * reads it in the app meanwhile gets no email; and the emails of a change that tells many people
   * don't compete with delivering it to their screens.
   */
  notificationEmailDelaySeconds: number;
  /** How long an event handed to the queue may stay undelivered before the relay hands it on again. */
  outboxRetrySeconds: number;
  signInLimits: { perAccount: number; perAddress: number; windowSeconds: number };
  /** Express `trust proxy` setting, for the client address behind a reverse proxy. */
  trustProxy: string | false;
  /** Where the local storage driver keeps files (and where temporary files go). */
  dataDir: string;
  storage: { driver: 'local' } | { driver: 's3'; s3: S3Config };
  /** Largest file one upload may carry, in bytes. */
  documentMaxBytes: number;
  /**
   * Email replies: notification mails about posts carry a personal reply address
   * `reply+<token>@<domain>`; mail to it arrives through the built-in SMTP receiver (a port of 0
   * turns it off) or `POST /api/inbound-mail` with the shared secret (null turns that route off).
   */
  inboundMail: { domain: string; smtpPort: number; smtpHost: string; secret: string | null; maxBytes: number };
  /**
   * Whether network admins and convenors must use two-factor sign-in before anything else. On by
   * default in production; off by default elsewhere so local demo accounts work without an app.
   */
  twoFactorEnforced: boolean;
  /**
   * Whether the API runs only the web app's persisted documents (the manifest codegen writes at
   * build) and refuses any other GraphQL document. On by default in production.
   */
  graphqlTrustedDocuments: boolean;
  /**
   * Prometheus metrics for operators: `GET /metrics` on a small server of its own, apart from the
   * public port. A port of null means that process serves none.
   */
  metrics: { host: string; ports: { api: number | null; worker: number | null } };
  /**
   * Web Push: the VAPID key pair that signs every push message, and the contact push services may
   * write to. `keys` is null outside production when none are set: the hub then makes a pair once
   * and keeps it in the data directory, so browsers' subscriptions survive a restart.
   */
  webPush: { keys: VapidKeys | null; subject: string };
}

/** A VAPID key pair, base64url: the public key an uncompressed P-256 point (65 bytes), the private key 32 bytes. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether a VAPID key pair has the right shape (what the browser and web-push accept). */
export function vapidKeysProblem(keys: VapidKeys): string | null {
  const decode = (value: string) => (BASE64URL.test(value) ? Buffer.from(value, 'base64url') : null);
  const publicKey = decode(keys.publicKey);
  if (!publicKey || publicKey.length !== 65 || publicKey[0] !== 4)
    return 'VAPID_PUBLIC_KEY must be a P-256 public key in base64url (65 bytes, e.g. from `npx web-push generate-vapid-keys`)';
  const privateKey = decode(keys.privateKey);
  if (!privateKey || privateKey.length !== 32)
    return 'VAPID_PRIVATE_KEY must be a P-256 private key in base64url (32 bytes)';
  return null;
}

/** An S3-compatible bucket (AWS S3, MinIO, Garage, Ceph…). */
export interface S3Config {
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (`https://host/bucket/key`), as most self-hosted servers want. */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value ? value : fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, fallback: string, protocols: string[]) => {
    const value = str(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(
          `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${redactUrl(value)}")`,
        );
      }
    } catch {
      problems.push(`${name} is not a valid URL (got "${redactUrl(value)}")`);
    }
    return value;
  };

  const nodeEnv = str('NODE_ENV', 'development');
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  }
  const env_ = (['development', 'test', 'production'].includes(nodeEnv) ? nodeEnv : 'development') as AppConfig['env'];
  const port = int('PORT', 3000, 1, 65535);
  const smtp = env['SMTP_URL']?.trim() ? url('SMTP_URL', '', ['smtp:', 'smtps:']) : null;
  const demoPassword = str('DEMO_PASSWORD', 'convene-demo-pass');
  if (demoPassword.length < 10) problems.push('DEMO_PASSWORD must be at least 10 characters');
  const trustProxy = str('TRUST_PROXY', '');
  const metricsPort = env['METRICS_PORT']?.trim() ? int('METRICS_PORT', 0, 1, 65535) : null;
  const workerMetricsPort = env['WORKER_METRICS_PORT']?.trim() ? int('WORKER_METRICS_PORT', 0, 1, 65535) : null;
  if (metricsPort !== null && metricsPort === port)
    problems.push(`METRICS_PORT must not be the public PORT (${port}): metrics are for the operators' network only`);
  const storageDriver = str('STORAGE_DRIVER', 'local');
  if (!['local', 's3'].includes(storageDriver))
    problems.push(`STORAGE_DRIVER must be local or s3 (got "${storageDriver}")`);
  let storage: AppConfig['storage'] = { driver: 'local' };
  if (storageDriver === 's3') {
    const required = (name: string) => {
      const value = env[name]?.trim();
      if (!value) problems.push(`${name} is required when STORAGE_DRIVER is s3`);
      return value ?? '';
    };
    storage = {
      driver: 's3',
      s3: {
        endpoint: env['S3_ENDPOINT']?.trim() ? url('S3_ENDPOINT', '', ['http:', 'https:']) : null,
        region: str('S3_REGION', 'us-east-1'),
        bucket: required('S3_BUCKET'),
        accessKeyId: required('S3_ACCESS_KEY_ID'),
        secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
        forcePathStyle: str('S3_FORCE_PATH_STYLE', 'true') !== 'false',
      },
    };
  }

  const mailFrom = str('MAIL_FROM', 'Convene <no-reply@convene.localhost>');
  const vapidPublic = env['VAPID_PUBLIC_KEY']?.trim() ?? '';
  const vapidPrivate = env['VAPID_PRIVATE_KEY']?.trim() ?? '';
  let vapidKeys: VapidKeys | null = null;
  if (vapidPublic || vapidPrivate) {
    if (!vapidPublic || !vapidPrivate) problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
    else {
      vapidKeys = { publicKey: vapidPublic, privateKey: vapidPrivate };
      const problem = vapidKeysProblem(vapidKeys);
      if (problem) problems.push(problem);
    }
  } else if (env_ === 'production') {
    problems.push(
      'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production (make a pair once with `npx web-push generate-vapid-keys` and keep it: a new pair cuts off every device)',
    );
  }
  // Push services write to this contact about a misbehaving sender: by default, the sender of mail.
  const mailAddress = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const vapidSubject = str('VAPID_SUBJECT', `mailto:${mailAddress}`);
  if (!/^mailto:[^\s@]+@[^\s@]+$/.test(vapidSubject) && !/^https:\/\/[^\s/]+/.test(vapidSubject))
    problems.push(`VAPID_SUBJECT must be a mailto: address or an https:// URL (got "${vapidSubject}")`);

  const inboundSecret = env['INBOUND_MAIL_SECRET']?.trim() ?? '';
  if (inboundSecret && inboundSecret.length < 24)
    problems.push('INBOUND_MAIL_SECRET must be at least 24 characters (e.g. `openssl rand -hex 24`)');

  const config: AppConfig = {
    env: env_,
    port,
    // Outside production the hub (with its demo accounts and dev mailbox) answers this machine only.
    host: str('HOST', env_ === 'production' ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/+$/, ''),
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/convene', ['postgres:', 'postgresql:']),
    databasePoolMax: int('DATABASE_POOL_MAX', 10, 2, 500),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: str('REDIS_PREFIX', 'convene'),
    smtpUrl: smtp,
    mailFrom,
    demoPassword,
    seedDemo: env_ !== 'production' && str('SEED_DEMO', 'true') !== 'false',
    webDistDir: env['WEB_DIST_DIR']?.trim() || null,
    session: {
      idleMinutes: int('SESSION_IDLE_MINUTES', 60 * 24 * 14, 5, 60 * 24 * 90),
      absoluteDays: int('SESSION_ABSOLUTE_DAYS', 60, 1, 365),
      // How long an API instance trusts a session it looked up (0: every request asks PostgreSQL).
      cacheSeconds: int('SESSION_CACHE_SECONDS', 120, 0, 300),
      cookieName: env_ === 'production' ? '__Host-convene_session' : 'convene_session',
      secureCookie: env_ === 'production',
    },
    invitationTtlDays: int('INVITATION_TTL_DAYS', 14, 1, 90),
    notificationEmailDelaySeconds: int('NOTIFICATION_EMAIL_DELAY_SECONDS', 30, 0, 3600),
    outboxRetrySeconds: int('OUTBOX_RETRY_SECONDS', 60, 1, 3600),
    signInLimits: {
      perAccount: int('SIGNIN_LIMIT_PER_ACCOUNT', 10, 1, 10_000),
      perAddress: int('SIGNIN_LIMIT_PER_ADDRESS', 50, 1, 100_000),
      windowSeconds: int('SIGNIN_LIMIT_WINDOW_SECONDS', 15 * 60, 10, 24 * 3600),
    },
    trustProxy: trustProxy ? trustProxy : false,
    twoFactorEnforced: flag('TWO_FACTOR_ENFORCED', env_ === 'production'),
    graphqlTrustedDocuments: flag('GRAPHQL_TRUSTED_DOCUMENTS', env_ === 'production'),
    dataDir: str('DATA_DIR', '.data'),
    storage,
    documentMaxBytes: int('DOCUMENT_MAX_BYTES', 100 * 1024 * 1024, 1024, 1024 ** 4),
    metrics: { host: str('METRICS_HOST', '127.0.0.1'), ports: { api: metricsPort, worker: workerMetricsPort } },
    webPush: { keys: vapidKeys, subject: vapidSubject },
    inboundMail: {
      // By default the domain mail is sent from: replies come back to where the mail came from.
      domain: str('INBOUND_MAIL_DOMAIN', mailAddress.split('@')[1] ?? 'convene.localhost').toLowerCase(),
      smtpPort: int('INBOUND_SMTP_PORT', env_ === 'development' ? 2525 : 0, 0, 65535),
      smtpHost: str('INBOUND_SMTP_HOST', env_ === 'production' ? '0.0.0.0' : '127.0.0.1'),
      secret: inboundSecret || null,
      maxBytes: int('INBOUND_MAIL_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 ** 3),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Hides the password part of a connection URL so it can be printed. */
export function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return value;
  }
}
