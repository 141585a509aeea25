import type { Request, Response } from 'express';
import type { ClientInfo } from '@convene/server-identity';
import type { Viewer } from '@convene/server-core';

/** The express request once the session middleware has run. */
export type ApiRequest = Request & { viewer?: Viewer | null };

export interface GraphQLContext {
  req: ApiRequest;
  res: Response;
}

export function clientInfo(req: Request): ClientInfo {
  const agent = req.headers['user-agent'];
  return {
    address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: typeof agent === 'string' ? agent : null,
  };
}
