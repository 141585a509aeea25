import { Injectable } from '@nestjs/common';
import { SessionCache } from './session-cache.js';

/**
 * Whether someone holds a role that needs two-factor sign-in, as other domains know it (the
 * groups domain: convenor of a group). They register a check here when their module starts, so
 * identity does not read their tables, and say when someone's role changed (after it committed).
 */
@Injectable()
export class ElevatedRoles {
  private readonly checks: ((userId: string) => Promise<boolean>)[] = [];

  constructor(private readonly sessions: SessionCache) {}

  /** Someone's roles changed: their sessions are looked up again (whether they must set up two-factor sign-in). */
  changed(userIds: string[]): Promise<void> {
    return this.sessions.dropUsers(userIds);
  }

  register(check: (userId: string) => Promise<boolean>): void {
    this.checks.push(check);
  }

  async held(userId: string): Promise<boolean> {
    for (const check of this.checks) if (await check(userId)) return true;
    return false;
  }
}
