import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AuditAction,
  EMAIL_PATTERN,
  LIMITS,
  MembershipRole,
  NetworkRole,
  SignUpMode,
  SUPPORTED_LOCALES,
} from '@convene/shared-contracts';
import {
  APP_CONFIG,
  AuditLog,
  InputCheck,
  InputError,
  RateLimiter,
  forbidden,
  hasControlCharacters,
  notFound,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import { MailService } from '@convene/server-mail';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import type { PersonValues } from './person-values.js';
import { Invitation } from './invitation.entity.js';
import { InvitationRepository } from './invitation.repository.js';
import { NetworkSettings } from './network-settings.entity.js';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import { SessionsService } from './sessions.service.js';
import { InvitationAcceptedListeners } from './invitation-accepted.listener.js';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { hashToken, newToken } from './tokens.util.js';
import { identityErrors } from './identity.errors.js';
import { TwoFactorService } from './two-factor.service.js';
import { PasswordReset } from './password-reset.entity.js';

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export interface SignedIn {
  user: User;
  token: string;
  sessionId: string;
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  invitationToken?: string | null;
  locale?: string | null;
  timeZone?: string | null;
}

export interface ProfileInput {
  displayName: string;
  /** The organisation they say they work at: null for none; left out, unchanged. */
  organisationId?: string | null;
  locale: string;
  timeZone: string;
}

export interface InvitationPreview {
  email: string;
  groupId: string | null;
  expiresAt: Date;
}

const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

@Injectable()
export class IdentityService {
  constructor(
    private readonly em: EntityManager,
    private readonly users: UserRepository,
    private readonly invitations: InvitationRepository,
    private readonly sessions: SessionsService,
    private readonly rateLimiter: RateLimiter,
    private readonly mail: MailService,
    private readonly invitationAccepted: InvitationAcceptedListeners,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in with email and password, and the second factor where it is on. The attempt counts
   * before anything is checked; a missing or wrong code is refused only after a right password,
   * so the answer reveals nothing about accounts whose password the caller does not know.
   */
  async signIn(
    input: { email: string; password: string; code?: string | null },
    client: ClientInfo,
  ): Promise<SignedIn> {
    const email = (input.email ?? '').trim().toLowerCase().slice(0, LIMITS.emailMax);
    const { perAccount, perAddress, windowSeconds } = this.config.signInLimits;
    // Every attempt counts, per account and per client address, before anything is checked.
    await this.rateLimiter.consume([
      { scope: 'signin:account', subject: email, limit: perAccount, windowSeconds },
      { scope: 'signin:address', subject: client.address, limit: perAddress, windowSeconds },
    ]);
    const password = (input.password ?? '').slice(0, LIMITS.passwordMax + 1);
    const user =
      email && EMAIL_PATTERN.test(email) && !hasControlCharacters(email)
        ? await this.users.findByEmailForSignIn(email)
        : null;
    // Unknown accounts cost the same time as wrong passwords, and get the same answer.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid) {
      if (user) void this.audit.recordNow({ action: AuditAction.SIGN_IN_FAILED, subjectUserId: user.id });
      throw identityErrors.invalidCredentials();
    }
    if (user.deactivatedAt) throw identityErrors.accountDeactivated();
    let factor: 'totp' | 'recovery' | null = null;
    if (user.totpEnabledAt) {
      if (!input.code?.trim()) throw identityErrors.twoFactorCodeNeeded();
      factor = await this.twoFactor.verify(this.em, user, input.code);
      if (!factor) {
        void this.audit.recordNow({ action: AuditAction.TWO_FACTOR_FAILED, subjectUserId: user.id });
        throw identityErrors.twoFactorCodeInvalid();
      }
    }
    await this.rateLimiter.reset({ scope: 'signin:account', subject: email });
    const { token, session } = this.sessions.start(user, client.userAgent);
    this.audit.record(this.em, {
      action: AuditAction.SIGN_IN,
      actorId: user.id,
      detail: { secondFactor: factor ?? 'none' },
    });
    await this.em.flush();
    await this.em.populate(user, ['organisation']);
    return { user, token, sessionId: session.id };
  }

  async signUp(input: SignUpInput, client: ClientInfo): Promise<SignedIn> {
    await this.rateLimiter.consume([
      { scope: 'signup:address', subject: client.address, limit: 20, windowSeconds: 3600 },
    ]);
    const check = new InputCheck();
    const email = check.email('email', input.email);
    const displayName = check.text('displayName', input.displayName, {
      max: LIMITS.displayNameMax,
      label: 'Display name',
    });
    const locale = input.locale ? check.oneOf('locale', input.locale, SUPPORTED_LOCALES, 'Language') : 'en';
    const timeZone = input.timeZone ? this.checkTimeZone(check, input.timeZone) : 'Europe/London';
    const problem = passwordProblem(input.password ?? '', { email, displayName });
    if (problem) check.fail('password', problem);
    check.done();

    let invitation: Invitation | null = null;
    if (input.invitationToken) {
      invitation = await this.invitations.findByTokenHash(hashToken(input.invitationToken));
      if (!invitation || !invitation.isUsable()) throw identityErrors.invitationInvalid();
      if (invitation.email !== email)
        throw new InputError(
          { email: 'Use the email address this invitation was sent to.' },
          'INVITATION_EMAIL_MISMATCH',
        );
    } else if ((await this.settings()).signUpMode !== SignUpMode.OPEN) {
      throw identityErrors.signUpByInvitationOnly();
    }
    if (await this.users.findByEmail(email)) {
      throw new InputError({ email: 'An account with this email already exists. Sign in instead.' }, 'EMAIL_TAKEN');
    }

    const passwordHash = await hashPassword(input.password);
    // Every open invitation to this address is settled now: the one used admits to its group,
    // the others (e.g. from other groups' convenors) wait as group invitations.
    const open = await this.invitations.findAllOpen(email);
    const user = this.em.create(User, { email, displayName, passwordHash, locale, timeZone });
    for (const each of invitation && !open.includes(invitation) ? [invitation, ...open] : open) {
      each.acceptedAt = new Date();
      const viaThisLink = each === invitation;
      await this.invitationAccepted.emit({
        em: this.em,
        userId: user.id,
        invitationId: each.id,
        groupId: each.groupId,
        groupRole: each.groupRole,
        viaThisLink,
      });
    }
    const { token, session } = this.sessions.start(user, client.userAgent);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new InputError({ email: 'An account with this email already exists. Sign in instead.' }, 'EMAIL_TAKEN');
      }
      throw error;
    }
    return { user, token, sessionId: session.id };
  }

  signOut(viewer: Viewer): Promise<void> {
    return this.sessions.end(viewer.sessionId);
  }

  async me(viewer: Viewer): Promise<User> {
    const user = (await this.users.withOrganisations([viewer.userId])).get(viewer.userId);
    if (!user) throw notFound('Your account');
    return user;
  }

  async updateProfile(viewer: Viewer, input: ProfileInput): Promise<User> {
    const check = new InputCheck();
    const displayName = check.text('displayName', input.displayName, {
      max: LIMITS.displayNameMax,
      label: 'Display name',
    });
    const locale = check.oneOf('locale', input.locale, SUPPORTED_LOCALES, 'Language');
    const timeZone = this.checkTimeZone(check, input.timeZone);
    const organisationId = input.organisationId
      ? check.uuid('organisationId', input.organisationId, 'Organisation')
      : null;
    check.done();
    const organisation = organisationId ? await this.em.findOne(PartnerOrganisation, { id: organisationId }) : null;
    if (organisationId && !organisation)
      throw new InputError({ organisationId: 'Choose an organisation from the list.' });
    const user = await this.me(viewer);
    user.displayName = displayName;
    user.locale = locale;
    user.timeZone = timeZone;
    // Left out, it stays as it is (the language switcher saves the language alone).
    if (input.organisationId !== undefined) this.affiliate(user, organisation);
    await this.em.flush();
    return user;
  }

  /**
   * Someone says where they work: none at once; another organisation waits for a network admin's
   * confirmation (until then no organisation shows beside their name); the confirmed one, or the
   * one already waiting, changes nothing.
   */
  private affiliate(user: User, organisation: PartnerOrganisation | null): void {
    if (!organisation) {
      user.organisation = null;
      user.pendingOrganisation = null;
      user.pendingOrganisationSince = null;
      return;
    }
    if (user.organisation?.id === organisation.id) {
      user.pendingOrganisation = null;
      user.pendingOrganisationSince = null;
      return;
    }
    if (user.pendingOrganisation?.id === organisation.id) return;
    if (organisation.archivedAt) throw identityErrors.organisationArchived('organisationId');
    user.organisation = null;
    user.pendingOrganisation = this.em.getReference(PartnerOrganisation, organisation.id, { wrapped: true });
    user.pendingOrganisationSince = new Date();
  }

  /**
   * Changes the password and ends every session of the account, in one transaction; the device
   * that made the change gets a new session, whose token is returned.
   */
  async changePassword(
    viewer: Viewer,
    input: { currentPassword: string; newPassword: string },
    client: ClientInfo,
  ): Promise<{ token: string }> {
    const { perAccount, perAddress, windowSeconds } = this.config.signInLimits;
    await this.rateLimiter.consume([
      { scope: 'password:account', subject: viewer.userId, limit: perAccount, windowSeconds },
      { scope: 'signin:address', subject: client.address, limit: perAddress, windowSeconds },
    ]);
    const current = await this.users.findByIdWithPassword(viewer.userId);
    if (!current) throw notFound('Your account');
    if (!(await verifyPassword(current.passwordHash, input.currentPassword ?? ''))) {
      throw new InputError({ currentPassword: 'Your current password is not correct.' }, 'WRONG_PASSWORD');
    }
    const problem = passwordProblem(input.newPassword ?? '', {
      email: current.email,
      displayName: current.displayName,
    });
    if (problem) throw new InputError({ newPassword: problem }, 'WEAK_PASSWORD');
    const passwordHash = await hashPassword(input.newPassword);
    return this.em.transactional(async (em) => {
      const user = await em.getRepository(User).findOneOrFail({ id: viewer.userId });
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
      await this.sessions.endOthers(user.id);
      // A reset link asked for before the change would undo it: it stops working.
      await em.nativeUpdate(PasswordReset, { userId: user.id, usedAt: null }, { usedAt: new Date() });
      const { token } = this.sessions.start(user, client.userAgent);
      this.audit.record(em, { action: AuditAction.PASSWORD_CHANGED, actorId: user.id });
      return { token };
    });
  }

  /**
   * Checks that the viewer is who they say before something that can't be undone: their password,
   * and a second-factor code where two-factor sign-in is on. Field errors name what was wrong.
   */
  async confirmIdentity(viewer: Viewer, input: { password: string; code?: string | null }): Promise<User> {
    const { perAccount, windowSeconds } = this.config.signInLimits;
    await this.rateLimiter.consume([
      { scope: 'password:account', subject: viewer.userId, limit: perAccount, windowSeconds },
    ]);
    const em = this.em.fork();
    const user = await em.findOne(
      User,
      { id: viewer.userId },
      { populate: ['passwordHash', 'totpSecret', 'totpLastStep'] },
    );
    if (!user) throw notFound('Your account');
    if (!(await verifyPassword(user.passwordHash, input.password ?? '')))
      throw new InputError({ password: 'Your password is not correct.' }, 'WRONG_PASSWORD');
    if (user.totpEnabledAt) {
      if (!input.code?.trim())
        throw new InputError(
          { code: 'Enter a code from your authenticator app, or a recovery code.' },
          'TWO_FACTOR_CODE_NEEDED',
        );
      if (!(await this.twoFactor.verify(em, user, input.code))) throw identityErrors.twoFactorCodeInvalid();
      await em.flush();
    }
    return user;
  }

  /** A network admin invites someone to create an account. */
  async inviteToNetwork(viewer: Viewer, input: { email: string }): Promise<Invitation> {
    if (viewer.networkRole !== NetworkRole.ADMIN)
      throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can invite people to the network.');
    const check = new InputCheck();
    const email = check.email('email', input.email);
    check.done();
    if (await this.users.findByEmail(email))
      throw new InputError({ email: 'This person already has an account.' }, 'EMAIL_TAKEN');
    const { invitation, token } = await this.createInvitation(viewer, email, null);
    const inviter = await this.me(viewer);
    const mail = this.mail.prepare(
      'network-invitation',
      { email, locale: inviter.locale },
      {
        inviterName: inviter.displayName,
        link: this.invitationLink(token),
        expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
      },
    );
    this.audit.record(this.em, { action: AuditAction.NETWORK_INVITATION_SENT, actorId: viewer.userId });
    await this.em.flush();
    await this.mail.dispatch([mail]);
    return invitation;
  }

  /**
   * Adds an invitation (replacing older open ones for the same address and purpose) to the unit
   * of work. For use by other domains, which flush it with their own change.
   */
  async createInvitation(
    viewer: Viewer,
    email: string,
    group: { id: string; role: MembershipRole } | null,
  ): Promise<{ invitation: Invitation; token: string }> {
    for (const older of await this.invitations.findOpen(email, group?.id ?? null)) older.revokedAt = new Date();
    const { token, tokenHash } = newToken();
    const invitation = this.em.create(Invitation, {
      email,
      tokenHash,
      invitedBy: this.em.getReference(User, viewer.userId, { wrapped: true }),
      groupId: group?.id ?? null,
      groupRole: group?.role ?? null,
      expiresAt: new Date(Date.now() + this.config.invitationTtlDays * 86_400_000),
    });
    return { invitation, token };
  }

  invitationLink(token: string): string {
    return `${this.config.publicUrl}/invitations/${token}`;
  }

  /** What an invitation link is for. Its token is a secret: tries are limited per client address. */
  async previewInvitation(token: string, client: ClientInfo): Promise<InvitationPreview> {
    await this.rateLimiter.consume([
      { scope: 'invitation:address', subject: client.address, limit: 60, windowSeconds: 3600 },
    ]);
    const invitation = token && token.length < 100 ? await this.invitations.findByTokenHash(hashToken(token)) : null;
    if (!invitation || !invitation.isUsable()) throw identityErrors.invitationInvalid();
    return { email: invitation.email, groupId: invitation.groupId, expiresAt: invitation.expiresAt };
  }

  async settings(): Promise<NetworkSettings> {
    return (await this.em.findOne(NetworkSettings, { id: 1 })) ?? Object.assign(new NetworkSettings(), { id: 1 });
  }

  async updateSettings(viewer: Viewer, input: { signUpMode: SignUpMode }): Promise<NetworkSettings> {
    if (viewer.networkRole !== NetworkRole.ADMIN)
      throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can change network settings.');
    const check = new InputCheck();
    const mode = check.oneOf('signUpMode', input.signUpMode, Object.values(SignUpMode), 'Sign-up mode');
    check.done();
    const settings = await this.em.upsert(NetworkSettings, { id: 1, signUpMode: mode, updatedAt: new Date() });
    await this.audit.recordNow({
      action: AuditAction.NETWORK_SETTINGS_CHANGED,
      actorId: viewer.userId,
      detail: { signUpMode: mode },
    });
    return settings;
  }

  /** Users by email, in one query (for other domains, e.g. invitations to a group). */
  async usersByEmail(emails: string[]): Promise<Map<string, User>> {
    if (!emails.length) return new Map();
    const users = await this.users.find({ email: { $in: emails.map((e) => e.toLowerCase()) } });
    return new Map(users.map((u) => [u.email, u]));
  }

  /** Users by id, in one query, with their organisations; for other domains' lists. */
  async usersByIds(ids: string[]): Promise<Map<string, User>> {
    if (!ids.length) return new Map();
    return this.users.withOrganisations([...new Set(ids)]);
  }

  /** People by id as lists show them (name and organisation), as plain values in one statement: no entities. */
  async peopleByIds(ids: string[]): Promise<Map<string, PersonValues>> {
    return this.users.people([...new Set(ids)]);
  }

  /** The network admins' ids (they triage what belongs to no group). */
  async networkAdminIds(): Promise<string[]> {
    return (await this.users.find({ networkRole: NetworkRole.ADMIN, deactivatedAt: null }, { fields: ['id'] })).map(
      (u) => u.id,
    );
  }

  /** Network admins' and event organisers' ids (they run network events). */
  async eventOrganiserIds(): Promise<string[]> {
    const rows = await this.users.find(
      { networkRole: { $in: [NetworkRole.ADMIN, NetworkRole.ORGANISER] }, deactivatedAt: null },
      { fields: ['id'] },
    );
    return rows.map((u) => u.id);
  }

  /** Everyone with an active account (a network event is told to all of them). */
  async activeUserIds(): Promise<string[]> {
    return (await this.users.find({ deactivatedAt: null }, { fields: ['id'] })).map((u) => u.id);
  }

  private checkTimeZone(check: InputCheck, value: string): string {
    const zone = (value ?? '').trim();
    if (!TIME_ZONES.has(zone)) check.fail('timeZone', 'Choose a time zone from the list.');
    return zone;
  }
}
