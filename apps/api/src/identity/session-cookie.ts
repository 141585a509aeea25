import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';

/** Reads and writes the session cookie: httpOnly, SameSite=Lax, Secure in production. */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(req: Pick<Request, 'headers'>): string | undefined {
    const header = req.headers.cookie;
    return header ? parse(header)[this.config.session.cookieName] : undefined;
  }

  write(res: Response, token: string): void {
    res.cookie(this.config.session.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.secureCookie,
      path: '/',
      maxAge: this.config.session.absoluteDays * 86_400_000,
    });
  }

  clear(res: Response): void {
    res.clearCookie(this.config.session.cookieName, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.secureCookie,
      path: '/',
    });
  }
}
