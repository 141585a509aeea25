import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { AuditAction, SUPPORTED_LOCALES } from '@convene/shared-contracts';
import { APP_CONFIG, AuditLog, InputCheck, InputError, RateLimiter, type AppConfig } from '@convene/server-core';
import { MailService } from '@convene/server-mail';
import { User } from './user.entity.js';
import { PasswordReset } from './password-reset.entity.js';
import { SessionsService } from './sessions.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { hashToken, newToken } from './tokens.util.js';
import { identityErrors } from './identity.errors.js';
import type { ClientInfo } from './identity.service.js';

const LINK_MINUTES = 60;

/**
 * "Forgot password": a one-use link by email. Where two-factor sign-in is on, the reset needs a
 * code (or a recovery code) as well, so a mailbox alone never opens the account.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly rateLimiter: RateLimiter,
    private readonly mail: MailService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends a link when the address has an active account. The answer is the same either way. */
  async request(input: { email: string; locale?: string | null }, client: ClientInfo): Promise<void> {
    await this.rateLimiter.consume([
      { scope: 'password-reset:address', subject: client.address, limit: 10, windowSeconds: 3600 },
    ]);
    const check = new InputCheck();
    const email = check.email('email', input.email);
    check.done();
    // Counted per address once valid, so that nobody's inbox can be flooded.
    await this.rateLimiter.consume([{ scope: 'password-reset:email', subject: email, limit: 3, windowSeconds: 3600 }]);
    // The answer goes before the account is even looked up, so its timing says nothing of it.
    void this.sendLink(email, input.locale ?? null).catch((error: Error) =>
      this.logger.warn(`Password reset link not written: ${error.message}`),
    );
  }

  private async sendLink(email: string, requestedLocale: string | null): Promise<void> {
    const em = this.em.fork();
    const user = await em.findOne(User, { email });
    if (!user || user.deactivatedAt) return;
    await em.nativeUpdate(PasswordReset, { userId: user.id, usedAt: null }, { usedAt: new Date() });
    const { token, tokenHash } = newToken();
    em.create(PasswordReset, { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000) });
    const locale = SUPPORTED_LOCALES.includes(requestedLocale as (typeof SUPPORTED_LOCALES)[number])
      ? (requestedLocale as string)
      : user.locale;
    const mail = this.mail.prepare(
      'password-reset',
      { email: user.email, locale },
      { link: `${this.config.publicUrl}/reset-password/${token}`, minutes: LINK_MINUTES },
      em,
    );
    await em.flush();
    await this.mail.dispatch([mail]);
  }

  /** What the reset page needs to know: whether to ask for a second factor. */
  async preview(token: string, client: ClientInfo): Promise<{ twoFactorRequired: boolean }> {
    await this.rateLimiter.consume([
      { scope: 'password-reset:link', subject: client.address, limit: 60, windowSeconds: 3600 },
    ]);
    const { user } = await this.open(this.em.fork(), token);
    return { twoFactorRequired: !!user.totpEnabledAt };
  }

  /** Sets the new password and ends every session of the account. Returns the account's id. */
  async reset(
    input: { token: string; newPassword: string; code?: string | null },
    client: ClientInfo,
  ): Promise<string> {
    await this.rateLimiter.consume([
      { scope: 'password-reset:link', subject: client.address, limit: 60, windowSeconds: 3600 },
    ]);
    return this.em.transactional(async (em) => {
      const { reset, user } = await this.open(em, input.token, true);
      const problem = passwordProblem(input.newPassword ?? '', { email: user.email, displayName: user.displayName });
      if (problem) throw new InputError({ newPassword: problem }, 'WEAK_PASSWORD');
      if (user.totpEnabledAt) {
        if (!input.code?.trim())
          throw new InputError(
            { code: 'Enter a code from your authenticator app, or a recovery code.' },
            'TWO_FACTOR_CODE_NEEDED',
          );
        if (!(await this.twoFactor.verify(em, user, input.code))) throw identityErrors.twoFactorCodeInvalid();
      }
      user.passwordHash = await hashPassword(input.newPassword);
      user.passwordChangedAt = new Date();
      reset.usedAt = new Date();
      await this.sessions.endOthers(user.id);
      this.audit.record(em, { action: AuditAction.PASSWORD_RESET, actorId: user.id });
      return user.id;
    });
  }

  private async open(em: EntityManager, token: string, lock = false): Promise<{ reset: PasswordReset; user: User }> {
    const reset =
      token && token.length < 100
        ? await em.findOne(
            PasswordReset,
            { tokenHash: hashToken(token) },
            lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
          )
        : null;
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) throw identityErrors.resetLinkInvalid();
    const user = await em.findOne(
      User,
      { id: reset.userId },
      { populate: ['passwordHash', 'totpSecret', 'totpLastStep'] },
    );
    if (!user || user.deactivatedAt) throw identityErrors.resetLinkInvalid();
    return { reset, user };
  }
}
