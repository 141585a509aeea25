import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, NetworkRole } from '@convene/shared-contracts';
import { AuditLog, InputCheck, forbidden, notFound, type Viewer } from '@convene/server-core';
import { User } from './user.entity.js';
import { SessionsService } from './sessions.service.js';
import { SessionCache } from './session-cache.js';
import { identityErrors } from './identity.errors.js';

export interface PeopleQuery {
  search?: string | null;
  first: number;
  /** Keyset cursor: the last person of the previous page. */
  after?: string | null;
}

const adminOnly = (viewer: Viewer) => {
  if (viewer.networkRole !== NetworkRole.ADMIN)
    throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can manage accounts.');
};

/** The network admins' view of accounts: find people, change their network role, deactivate them. */
@Injectable()
export class NetworkPeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionsService,
    private readonly cache: SessionCache,
    private readonly audit: AuditLog,
  ) {}

  async list(viewer: Viewer, query: PeopleQuery): Promise<User[]> {
    adminOnly(viewer);
    const check = new InputCheck();
    const search = check.text('search', query.search ?? '', { required: false, max: 100, label: 'Search' });
    const after = query.after ? check.uuid('after', query.after, 'Cursor') : null;
    check.done();
    const em = this.em.fork();
    // Deleted accounts are placeholders for what they wrote, not people to manage.
    const where: Record<string, unknown>[] = [{ deletedAt: null }];
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push({ $or: [{ email: { $ilike: pattern } }, { displayName: { $ilike: pattern } }] });
    }
    if (after) {
      const last = await em.findOne(User, { id: after });
      if (last)
        where.push({
          $or: [{ displayName: { $gt: last.displayName } }, { displayName: last.displayName, id: { $gt: last.id } }],
        });
    }
    return em.find(
      User,
      { $and: where },
      {
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        limit: Math.min(Math.max(query.first, 1), 100),
        populate: ['organisation'],
      },
    );
  }

  async setNetworkRole(viewer: Viewer, userId: string, role: NetworkRole): Promise<User> {
    adminOnly(viewer);
    if (userId === viewer.userId) throw identityErrors.notYourself();
    const changed = await this.em.transactional(async (em) => {
      const user = await this.target(em, userId);
      if (user.networkRole === role) return user;
      const from = user.networkRole;
      user.networkRole = role;
      this.audit.record(em, {
        action: AuditAction.NETWORK_ROLE_CHANGED,
        actorId: viewer.userId,
        subjectUserId: user.id,
        detail: { from, to: role },
      });
      return user;
    });
    // Their sessions carry the role: they are looked up again, on every API instance.
    await this.cache.dropUsers([changed.id]);
    return changed;
  }

  /** Deactivates (every session ends at once) or reactivates an account. Answers the ended sessions. */
  async setDeactivated(
    viewer: Viewer,
    userId: string,
    deactivated: boolean,
  ): Promise<{ user: User; endedSessionIds: string[] }> {
    adminOnly(viewer);
    if (userId === viewer.userId) throw identityErrors.notYourself();
    const result = await this.em.transactional(async (em) => {
      const user = await this.target(em, userId);
      if (!!user.deactivatedAt === deactivated) return { user, endedSessionIds: [] };
      if (deactivated && user.networkRole === NetworkRole.ADMIN) {
        if (!(await em.getRepository(User).otherActiveAdmins(user.id))) throw identityErrors.lastAdmin();
      }
      user.deactivatedAt = deactivated ? new Date() : null;
      const endedSessionIds = deactivated ? await this.sessions.endOthers(user.id) : [];
      this.audit.record(em, {
        action: deactivated ? AuditAction.ACCOUNT_DEACTIVATED : AuditAction.ACCOUNT_REACTIVATED,
        actorId: viewer.userId,
        subjectUserId: user.id,
      });
      return { user, endedSessionIds };
    });
    await this.cache.dropUsers([result.user.id]);
    return result;
  }

  private async target(em: EntityManager, userId: string): Promise<User> {
    const check = new InputCheck();
    const id = check.uuid('userId', userId, 'Person');
    check.done();
    const user = await em.findOne(User, { id, deletedAt: null });
    if (!user) throw notFound('That person');
    return user;
  }
}
