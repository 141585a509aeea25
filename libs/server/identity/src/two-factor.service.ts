import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import QRCode from 'qrcode';
import { AuditAction, NetworkRole } from '@convene/shared-contracts';
import {
  APP_CONFIG,
  AuditLog,
  InputCheck,
  InputError,
  RateLimiter,
  notFound,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import { User } from './user.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { ElevatedRoles } from './elevated-roles.js';
import { SessionCache } from './session-cache.js';
import { verifyPassword } from './password-hasher.js';
import { identityErrors } from './identity.errors.js';
import { hashToken } from './tokens.util.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri } from './totp.util.js';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** Whether the person's role needs it (network admin, convenor) while enforcement is on. */
  required: boolean;
}

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
  /** The otpauth address as an SVG QR code. */
  qrSvg: string;
}

const ISSUER = 'Convene';
const recoveryHash = (userId: string, code: string) => hashToken(`${userId}:${normaliseRecoveryCode(code)}`);

/** Two-factor sign-in with an authenticator app (TOTP) and one-use recovery codes. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly em: EntityManager,
    private readonly elevated: ElevatedRoles,
    private readonly sessions: SessionCache,
    private readonly audit: AuditLog,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this person must turn two-factor sign-in on before doing anything else. */
  async required(userId: string, networkRole: NetworkRole): Promise<boolean> {
    if (!this.config.twoFactorEnforced) return false;
    return networkRole === NetworkRole.ADMIN || (await this.elevated.held(userId));
  }

  async status(viewer: Viewer): Promise<TwoFactorStatus> {
    const user = await this.user(this.em.fork(), viewer.userId);
    const left = user.totpEnabledAt ? await this.em.fork().count(RecoveryCode, { userId: user.id, usedAt: null }) : 0;
    return {
      enabled: !!user.totpEnabledAt,
      enabledAt: user.totpEnabledAt,
      recoveryCodesLeft: left,
      required: await this.required(user.id, user.networkRole),
    };
  }

  /** Starts setting up: a new secret waits for a code from it. Starting again replaces it. */
  async beginSetup(viewer: Viewer): Promise<TwoFactorSetup> {
    const em = this.em.fork();
    const user = await this.user(em, viewer.userId);
    if (user.totpEnabledAt) throw identityErrors.twoFactorAlreadyOn();
    const secret = newTotpSecret();
    user.totpPendingSecret = secret;
    await em.flush();
    const uri = otpauthUri(secret, user.email, ISSUER);
    return {
      secret,
      otpauthUri: uri,
      qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  /** Turns two-factor sign-in on with a code from the new secret; answers the recovery codes, shown once. */
  async confirmSetup(viewer: Viewer, code: string): Promise<string[]> {
    const check = new InputCheck();
    const digits = check.text('code', code, { max: 12, label: 'The code' }).replace(/\s/g, '');
    check.done();
    const codes = await this.em.transactional(async (em) => {
      const user = await this.user(em, viewer.userId, true);
      if (user.totpEnabledAt) throw identityErrors.twoFactorAlreadyOn();
      if (!user.totpPendingSecret) throw identityErrors.twoFactorSetupNotStarted();
      const step = matchTotp(user.totpPendingSecret, digits);
      if (step === null)
        throw new InputError(
          { code: 'That code is not right. Check the time on your phone and try the newest code.' },
          'TWO_FACTOR_CODE_INVALID',
        );
      Object.assign(user, {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
      });
      const codes = await this.replaceRecoveryCodes(em, user.id);
      this.audit.record(em, { action: AuditAction.TWO_FACTOR_ENABLED, actorId: user.id });
      return codes;
    });
    // The sessions no longer need to set it up first.
    await this.sessions.dropUsers([viewer.userId]);
    return codes;
  }

  /** Turns it off, with the password and a current code; refused to roles that need it. */
  async disable(viewer: Viewer, input: { password: string; code: string }): Promise<void> {
    await this.em.transactional(async (em) => {
      const user = await this.user(em, viewer.userId, true);
      if (!user.totpEnabledAt) throw identityErrors.twoFactorNotOn();
      if (await this.required(user.id, user.networkRole)) throw identityErrors.twoFactorRequiredForRole();
      const { perAccount, windowSeconds } = this.config.signInLimits;
      await this.rateLimiter.consume([
        { scope: 'password:account', subject: user.id, limit: perAccount, windowSeconds },
      ]);
      if (!(await verifyPassword(user.passwordHash, input.password ?? '')))
        throw new InputError({ password: 'Your password is not correct.' }, 'WRONG_PASSWORD');
      if (!(await this.verify(em, user, input.code))) throw identityErrors.twoFactorCodeInvalid();
      Object.assign(user, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
      await em.nativeDelete(RecoveryCode, { userId: user.id });
      this.audit.record(em, { action: AuditAction.TWO_FACTOR_DISABLED, actorId: user.id });
    });
    await this.sessions.dropUsers([viewer.userId]);
  }

  /** New recovery codes (the old ones stop working), with a current code. */
  async regenerateRecoveryCodes(viewer: Viewer, code: string): Promise<string[]> {
    return this.em.transactional(async (em) => {
      const user = await this.user(em, viewer.userId, true);
      if (!user.totpEnabledAt) throw identityErrors.twoFactorNotOn();
      if (!(await this.verify(em, user, code))) throw identityErrors.twoFactorCodeInvalid();
      const codes = await this.replaceRecoveryCodes(em, user.id);
      this.audit.record(em, { action: AuditAction.RECOVERY_CODES_CREATED, actorId: user.id });
      return codes;
    });
  }

  /**
   * Checks a second factor: an authenticator code newer than the last one accepted, or an unused
   * recovery code. Either is used up at once, atomically, so a code replayed (or raced) fails.
   */
  async verify(em: EntityManager, user: User, code: string | null | undefined): Promise<'totp' | 'recovery' | null> {
    const given = (code ?? '').trim().slice(0, 40);
    if (!given || !user.totpEnabledAt) return null;
    // Every check counts against the account, whichever path and address it comes from (sign-in,
    // a reset link, turning it off, new recovery codes, deleting the account).
    const { perAccount, windowSeconds } = this.config.signInLimits;
    await this.rateLimiter.consume([
      { scope: 'two-factor:account', subject: user.id, limit: perAccount, windowSeconds },
    ]);
    const secret =
      user.totpSecret ?? (await em.findOneOrFail(User, { id: user.id }, { populate: ['totpSecret'] })).totpSecret;
    const digits = given.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = secret ? matchTotp(secret, digits) : null;
      if (step === null) return null;
      const taken = await em.nativeUpdate(
        User,
        { id: user.id, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] },
        { totpLastStep: step },
      );
      return taken === 1 ? 'totp' : null;
    }
    const used = await em.nativeUpdate(
      RecoveryCode,
      { userId: user.id, codeHash: recoveryHash(user.id, given), usedAt: null },
      { usedAt: new Date() },
    );
    if (used !== 1) return null;
    this.audit.record(em, { action: AuditAction.RECOVERY_CODE_USED, actorId: user.id });
    return 'recovery';
  }

  private async replaceRecoveryCodes(em: EntityManager, userId: string): Promise<string[]> {
    await em.nativeDelete(RecoveryCode, { userId });
    const codes = newRecoveryCodes();
    for (const code of codes) em.create(RecoveryCode, { userId, codeHash: recoveryHash(userId, code) });
    return codes;
  }

  private async user(em: EntityManager, userId: string, withSecrets = false): Promise<User> {
    const user = await em.findOne(
      User,
      { id: userId },
      withSecrets ? { populate: ['passwordHash', 'totpSecret', 'totpPendingSecret', 'totpLastStep'] } : {},
    );
    if (!user) throw notFound('Your account');
    return user;
  }
}
