import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NetworkRole } from '@convene/shared-contracts';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';
import { User } from './user.entity.js';
import { SessionCache } from './session-cache.js';

export const FORMER_MEMBER = 'Former member';

/** The account's share of a person's data: the profile, sessions and the security events about it. */
@Injectable()
export class AccountPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly sessionCache: SessionCache,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'account',
      collect: (em, person) => this.collect(em, person),
      blockers: (em, person) => this.blockers(em, person),
      erase: (em, person) => this.erase(em, person),
    });
  }

  private async blockers(em: EntityManager, person: DataSubject): Promise<string[]> {
    const users = em.getRepository(User);
    const admin =
      (await users.findOne({ id: person.id }, { fields: ['networkRole'] }))?.networkRole === NetworkRole.ADMIN;
    return admin && !(await users.otherActiveAdmins(person.id))
      ? ['You are the only network admin: make someone else an admin first.']
      : [];
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const [profile] = await em.execute<Record<string, unknown>[]>(
      `select u.email, u.display_name as "displayName", u.locale, u.time_zone as "timeZone", u.network_role as "networkRole", o.name as organisation,
              p.name as "organisationWaitingForConfirmation",
              u.created_at as "createdAt", u.password_changed_at as "passwordChangedAt", u.totp_enabled_at is not null as "twoFactorEnabled"
         from users u left join partner_organisations o on o.id = u.organisation_id
         left join partner_organisations p on p.id = u.pending_organisation_id where u.id = ?`,
      [person.id],
    );
    const sessions = await em.execute<Record<string, unknown>[]>(
      `select user_agent as "device", created_at as "startedAt", last_seen_at as "lastActiveAt" from sessions where user_id = ? order by created_at`,
      [person.id],
    );
    const events = await em.execute<Record<string, unknown>[]>(
      `select action, created_at as "at", group_id as "groupId", actor_id = ? as "byYou" from audit_events where actor_id = ? or subject_user_id = ? order by created_at`,
      [person.id, person.id, person.id],
    );
    return { records: [{ profile, sessions, securityEvents: events }] };
  }

  /**
   * The account row stays (posts and documents point at it) but says nothing of the person: a
   * placeholder address nobody can sign in with, "Former member", no password, no second factor.
   */
  private async erase(em: EntityManager, person: DataSubject): Promise<void> {
    await em.execute(
      `update users set email = ?, display_name = ?, password_hash = ?, organisation_id = null, pending_organisation_id = null, pending_organisation_since = null, network_role = 'MEMBER', locale = 'en', time_zone = 'UTC', totp_secret = null,
              totp_pending_secret = null, totp_enabled_at = null, totp_last_step = null, deactivated_at = now(), deleted_at = now(), password_changed_at = now()
        where id = ?`,
      [`deleted-${person.id}@deleted.invalid`, FORMER_MEMBER, `!deleted-${randomBytes(16).toString('hex')}`, person.id],
    );
    for (const table of ['sessions', 'recovery_codes', 'password_resets'])
      await em.execute(`delete from ${table} where user_id = ?`, [person.id]);
    // Every API instance forgets the sessions now; none takes them back while this commits (the drop's quarantine).
    await this.sessionCache.dropUsers([person.id]);
    // Invitations to the address (the ones the person sent keep only their id as the inviter).
    await em.execute(`delete from invitations where email = ?`, [person.email]);
  }
}
