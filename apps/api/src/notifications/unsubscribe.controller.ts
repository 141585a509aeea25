import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@convene/server-core';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { clientInfo } from '../http/request-context.js';

/**
 * One-click unsubscribe (RFC 8058): mail programs POST to the List-Unsubscribe address. A person
 * who opens the same address in a browser gets the web app's page, which asks before it stops
 * anything (link scanners follow GET links).
 */
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Req() req: Request): Promise<{ category: string }> {
    return this.preferences.unsubscribe(token, clientInfo(req));
  }
}
