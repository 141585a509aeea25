import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '@convene/shared-contracts';
import { AuditLog, PersonalDataRegistry, RateLimiter, type DataSubject, type Viewer } from '@convene/server-core';
import { IdentityService } from '@convene/server-identity';
import { DataExportService } from './data-export.service.js';
import { privacyErrors } from './privacy.errors.js';

/**
 * Deleting an account: every domain erases or anonymises what it keeps of the person in one
 * transaction (posts stay, shown as from a former member); nothing is half-done if one fails.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly identity: IdentityService,
    private readonly registry: PersonalDataRegistry,
    private readonly exports: DataExportService,
    private readonly audit: AuditLog,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** Deletes the viewer's account after checking their password (and second factor). */
  async deleteOwnAccount(viewer: Viewer, input: { password: string; code?: string | null }): Promise<void> {
    // What stands in the way is said before a second-factor code is spent on it.
    const before = (await this.identity.usersByIds([viewer.userId])).get(viewer.userId);
    if (before)
      await this.assertNothingBlocks(this.em.fork(), {
        id: before.id,
        email: before.email,
        displayName: before.displayName,
      });
    const user = await this.identity.confirmIdentity(viewer, input);
    const person: DataSubject = { id: user.id, email: user.email, displayName: user.displayName };
    const files = await this.em.fork().transactional(async (em) => {
      // The person's row is locked first, so a second deletion (or a sign-in's session) waits.
      await em.execute('select id from users where id = ? for update', [person.id]);
      await this.assertNothingBlocks(em, person);
      const keys = await this.exports.eraseFor(em, person.id);
      for (const source of this.registry.sources()) await source.erase(em, person);
      this.audit.record(em, { action: AuditAction.ACCOUNT_DELETED, actorId: person.id });
      return keys;
    });
    await this.exports.deleteFiles(files);
    // Counters keyed by the address (hashed) go too, so nothing in Redis is derived from it.
    for (const scope of ['signin:account', 'password-reset:email'])
      await this.rateLimiter.reset({ scope, subject: person.email });
    this.logger.log(`Account ${person.id} deleted`);
  }

  private async assertNothingBlocks(em: EntityManager, person: DataSubject): Promise<void> {
    const reasons: string[] = [];
    for (const source of this.registry.sources()) reasons.push(...((await source.blockers?.(em, person)) ?? []));
    if (reasons.length) throw privacyErrors.deletionBlocked(reasons);
  }
}
