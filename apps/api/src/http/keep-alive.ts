import type { Server } from 'node:http';

/**
 * How long an idle kept-alive connection stays open: longer than the reverse proxies in front
 * keep theirs (nginx's upstream default is 60 s), so that the proxy, never Node, closes an idle
 * one. Node's own 5 s default closes connections a proxy is about to reuse (its next request then
 * fails with a 502) and makes browsers that pause between pages connect again and again. The time
 * allowed for a request's headers stays Node's (60 s), counted per request.
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
}
