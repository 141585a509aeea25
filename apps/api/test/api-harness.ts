// Runs the real API (HTTP, GraphQL, PostgreSQL, Redis) on a free port for integration tests, with
// clients that keep their own session cookie like a browser would.
import { MikroORM as MikroORMClass, RequestContext, type MikroORM } from '@mikro-orm/postgresql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@convene/server-core';
import type { User } from '@convene/server-identity';
import { TEST_PASSWORD, TestData, clearRedisPrefix, openTestOrm, useTestEnvironment } from '@convene/server-testing';
import { afterAll, beforeAll } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import { createApiApp } from '../src/bootstrap.js';
import { TestMailDelivery } from './mail-delivery.js';

export interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: Record<string, string>; stacktrace?: unknown };
}
export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

export class GqlClient {
  cookie: string | null = null;
  lastSetCookie: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly address = '127.0.0.1',
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    return this.send<T>({ query, variables }, headers);
  }

  /** A GraphQL request with exactly this body (e.g. a persisted document's hash instead of its text). */
  async send<T = Record<string, unknown>>(
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': this.address,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    this.keepCookie(res);
    const answer = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, ...answer };
  }

  /** The first error's code, or 'OK' when there was none. */
  async outcome(query: string, variables: Record<string, unknown> = {}): Promise<string> {
    const result = await this.request(query, variables);
    return result.errors?.[0]?.extensions?.code ?? 'OK';
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
    });
    this.keepCookie(res);
    return res;
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<GqlResult> {
    return this.request(`mutation SignIn($input: SignInInput!) { signIn(input: $input) { id email } }`, {
      input: { email, password },
    });
  }

  private keepCookie(res: Response): void {
    const set = res.headers.get('set-cookie');
    if (!set) return;
    this.lastSetCookie = set;
    const [pair] = set.split(';');
    const [name, value] = pair!.split('=');
    this.cookie = value ? `${name}=${value}` : null;
  }
}

export class ApiHarness {
  readonly data: TestData;
  private readonly sockets: Socket[] = [];
  private readonly others: NestExpressApplication[] = [];

  private constructor(
    readonly app: NestExpressApplication,
    readonly orm: MikroORM,
    readonly url: string,
    readonly config: AppConfig,
  ) {
    this.data = new TestData(orm.em);
  }

  static async start(env: Record<string, string> = {}): Promise<ApiHarness> {
    const config = useTestEnvironment({ TRUST_PROXY: 'loopback', ...env });
    const orm = await openTestOrm(config);
    await clearRedisPrefix(config);
    const app = await createApiApp({ logger: false });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new ApiHarness(app, orm, `http://127.0.0.1:${address.port}`, config);
  }

  /**
   * A second API instance on the same database and Redis, as behind a load balancer; `client`
   * gives a client of it that carries another client's session cookie. Closed by `stop`.
   */
  async anotherInstance(): Promise<{
    url: string;
    app: NestExpressApplication;
    client: (carrying?: GqlClient) => GqlClient;
  }> {
    const app = await createApiApp({ logger: false });
    await app.listen(0, '127.0.0.1');
    this.others.push(app);
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    return {
      url,
      app,
      client: (carrying) => {
        const client = new GqlClient(url, `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
        client.cookie = carrying?.cookie ?? null;
        return client;
      },
    };
  }

  /** A client with no session, from its own client address. */
  client(address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`): GqlClient {
    return new GqlClient(this.url, address);
  }

  async signedIn(user: User): Promise<GqlClient> {
    const client = this.client();
    const result = await client.signIn(user.email);
    if (result.errors) throw new Error(`sign-in failed for ${user.email}: ${result.errors[0]?.message}`);
    return client;
  }

  /**
   * Runs `work` in a unit of work of its own, as the worker runs a job: a service called here
   * directly (not through a request) needs one, as it does in production.
   */
  asJob<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.app.get(MikroORMClass).em, work);
  }

  /** A socket.io connection with the client's session cookie; closed by `stop`. Rejects when refused. */
  connect(client: GqlClient): Promise<Socket> {
    const socket = io(this.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: client.cookie ? { cookie: client.cookie } : {},
      reconnection: false,
    });
    this.sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  /** SQL statements the API's ORM runs while `work` runs, counted from its query log. */
  async statements(work: () => Promise<unknown>): Promise<number> {
    const logger = this.app.get(MikroORMClass).config.getLogger();
    const original = { log: logger.log.bind(logger), isEnabled: logger.isEnabled.bind(logger) };
    let count = 0;
    logger.isEnabled = (namespace, context) => namespace === 'query' || original.isEnabled(namespace, context);
    logger.log = (namespace, message, context) => {
      if (namespace === 'query') count += 1;
      else original.log(namespace, message, context);
    };
    try {
      await work();
    } finally {
      Object.assign(logger, original);
    }
    return count;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    for (const other of this.others) await other.close();
    await this.app.close();
    await this.orm.close();
  }
}

/**
 * The API for the tests of one `describe` block: started in its `beforeAll` (with `env` over the
 * test environment), stopped in its `afterAll`. With `deliverMail`, the mail it queues is delivered
 * to the development mailbox as the worker would (see TestMailDelivery). Declare it first in the
 * block, so that set-up written after it finds the API running. Outside the block's tests, reading
 * it throws.
 */
export function useApiHarness(env: Record<string, string> = {}, options: { deliverMail?: boolean } = {}): ApiHarness {
  let current: ApiHarness | null = null;
  let mail: TestMailDelivery | null = null;
  beforeAll(async () => {
    current = await ApiHarness.start(env);
    if (options.deliverMail) mail = TestMailDelivery.start(current);
  });
  afterAll(async () => {
    await mail?.stop();
    await current?.stop();
    mail = null;
    current = null;
  });
  return new Proxy({} as ApiHarness, {
    get(_target, key) {
      if (!current) throw new Error(`the API harness was read (${String(key)}) outside its describe block's tests`);
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
