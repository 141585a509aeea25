import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { SessionsService } from '@convene/server-identity';
import type { ApiRequest } from '../http/request-context.js';
import { SessionCookie } from './session-cookie.js';

/** Resolves the viewer from the session cookie once per request, for guards and resolvers. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  async use(req: ApiRequest, res: Response, next: NextFunction): Promise<void> {
    try {
      const token = this.cookie.read(req);
      req.viewer = token ? await this.sessions.resolve(token) : null;
      if (token && !req.viewer) this.cookie.clear(res);
      next();
    } catch (error) {
      next(error);
    }
  }
}
