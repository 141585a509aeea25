// One simulated browser: its own connections (at most six to the origin, as browsers keep), its
// own address (sent as X-Forwarded-For, as a reverse proxy would), its session cookie, and the
// web app's socket. Every request is timed into the recorder with its outcome; none takes longer
// than REQUEST_TIMEOUT_MS.
import { Pool } from 'undici';
import { io } from 'socket.io-client';
import { requestBody, webOperation } from './web-operations.mjs';

export const REQUEST_TIMEOUT_MS = 30_000;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Convene-load/1';

/** The error code of a GraphQL answer: the first error's `extensions.code`, else the HTTP status. */
function errorCode(status, answer) {
  const code = answer?.errors?.[0]?.extensions?.code;
  if (code) return String(code);
  if (status >= 400 || !answer) return `HTTP_${status}`;
  return null;
}

function failure(error) {
  if (error?.code === 'UND_ERR_HEADERS_TIMEOUT' || error?.code === 'UND_ERR_BODY_TIMEOUT') return 'TIMEOUT';
  return error?.code ?? error?.name ?? 'NETWORK';
}

export class Browser {
  /**
   * @param {{ origin: string, recorder: import('./recorder.mjs').Recorder, address: string }} options
   */
  constructor({ origin, recorder, address }) {
    this.origin = origin;
    this.recorder = recorder;
    this.address = address;
    this.cookie = null;
    this.pool = new Pool(origin, {
      connections: 6,
      pipelining: 1,
      connectTimeout: 10_000,
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
    });
    this.socket = null;
    this.closed = false;
  }

  headers(extra = {}) {
    return {
      'user-agent': USER_AGENT,
      'x-forwarded-for': this.address,
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...extra,
    };
  }

  /**
   * One GraphQL operation of the web app, sent as Apollo Client sends it. Returns `{ data, code,
   * reason, sentAt }`: `code` is null on success, CLOSED (nothing sent) once the browser is
   * closed; `sentAt` is when it was sent (Date.now()).
   * Reasons in `expected` are answers the web handles (a second factor asked for) and are not
   * counted as errors.
   */
  async graphql(name, variables = {}, { expected = [] } = {}) {
    // A member who has left sends nothing more (their loop may be half-way through an action).
    if (this.closed) return { data: null, code: 'CLOSED', reason: null };
    const operation = webOperation(name);
    const started = performance.now();
    const sentAt = Date.now();
    let code = null;
    let reason = null;
    let data = null;
    try {
      const response = await this.pool.request({
        path: '/graphql',
        method: 'POST',
        headers: this.headers({
          'content-type': 'application/json',
          accept: 'application/graphql-response+json,application/json;q=0.9',
          'apollo-require-preflight': 'true',
        }),
        body: requestBody(operation, variables),
      });
      this.keepCookie(response.headers['set-cookie']);
      const text = await response.body.text();
      let answer = null;
      try {
        answer = JSON.parse(text);
      } catch {
        answer = null;
      }
      code = errorCode(response.statusCode, answer);
      reason = answer?.errors?.[0]?.extensions?.reason ?? null;
      data = code ? null : answer.data;
    } catch (error) {
      code = failure(error);
    }
    this.recorder.request(
      name,
      operation.kind === 'mutation' ? 'write' : 'read',
      started,
      expected.includes(reason) ? null : code,
    );
    return { data, code, reason, sentAt };
  }

  /** A REST request (file bytes): `{ status, body: Buffer | null, code, sentAt }`; 2xx is success. */
  async rest(op, kind, { method = 'GET', path, headers = {}, body }) {
    if (this.closed) return { status: 0, body: null, code: 'CLOSED' };
    const started = performance.now();
    const sentAt = Date.now();
    let code = null;
    let status = 0;
    let bytes = null;
    try {
      const response = await this.pool.request({ path, method, headers: this.headers(headers), body });
      status = response.statusCode;
      bytes = Buffer.from(await response.body.arrayBuffer());
      if (status >= 400) {
        let answer = null;
        try {
          answer = JSON.parse(bytes.toString('utf8'));
        } catch {
          answer = null;
        }
        code = answer?.code ?? answer?.error?.code ?? `HTTP_${status}`;
      }
    } catch (error) {
      code = failure(error);
    }
    this.recorder.request(op, kind, started, code);
    return { status, body: bytes, code, sentAt };
  }

  keepCookie(setCookie) {
    if (!setCookie) return;
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const pair = line.split(';')[0];
      // A cleared cookie (signed out, expired) ends the session here too.
      this.cookie = pair.endsWith('=') ? null : pair;
    }
  }

  /**
   * The web app's socket: websocket first, reconnecting as socket.io does, and again after the
   * server drops it (as RealtimeProvider does). Resolves once connected or fails after 20 s.
   */
  openSocket(handlers) {
    const started = performance.now();
    const socket = io(this.origin, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: this.headers(),
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 20_000,
    });
    this.socket = socket;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (code) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off('connect', onConnect);
        socket.off('connect_error', onError);
        this.recorder.request('socket connect', 'read', started, code);
        if (code) socket.disconnect();
        else for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler);
        resolve(!code);
        // The first connection is handled here; the app's own handler sees the later ones.
        if (!code) handlers.connect?.();
      };
      const onConnect = () => settle(null);
      // A refusal ends it; a transport error is retried by socket.io until the time is up.
      const onError = (error) => (socket.active ? undefined : settle(error?.message || 'SOCKET_REFUSED'));
      const timer = setTimeout(() => settle('TIMEOUT'), 20_000);
      socket.on('connect', onConnect);
      socket.on('connect_error', onError);
    });
  }

  /** Emits with an acknowledgement, timed as an operation of its own. */
  emitWithAck(op, event, ...args) {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    const started = performance.now();
    return socket
      .timeout(REQUEST_TIMEOUT_MS)
      .emitWithAck(event, ...args)
      .then(
        (answer) => {
          this.recorder.request(op, 'read', started, answer && answer.ok === false ? answer.code : null);
          return answer;
        },
        () => {
          // Closing the browser drops the acknowledgements still awaited: not the hub's failure.
          if (!this.closed) this.recorder.request(op, 'read', started, socket.connected ? 'TIMEOUT' : 'DISCONNECTED');
          return null;
        },
      );
  }

  async close() {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    await this.pool.close().catch(() => undefined);
  }
}
