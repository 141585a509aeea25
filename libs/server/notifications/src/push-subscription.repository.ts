import { EntityRepository } from '@mikro-orm/postgresql';
import type { PushSubscription } from './push-subscription.entity.js';

/** A device as its owner sees it in their list. */
export interface PushDeviceRow {
  id: string;
  endpoint: string;
  label: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastUsedAt: Date;
}

/** What a send needs of a device. */
export interface PushTarget {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export class PushSubscriptionRepository extends EntityRepository<PushSubscription> {
  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.getEntityManager().getConnection().execute<T[]>(query, params);
  }

  /** A person's devices, the most recently used first. */
  async ofUser(userId: string): Promise<PushDeviceRow[]> {
    const rows = await this.sql<{
      id: string;
      endpoint: string;
      label: string | null;
      user_agent: string | null;
      created_at: Date | string;
      last_used_at: Date | string;
    }>(
      `select id, endpoint, label, user_agent, created_at, last_used_at from push_subscriptions
       where user_id = ? order by last_used_at desc, id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      endpoint: r.endpoint,
      label: r.label,
      userAgent: r.user_agent,
      createdAt: new Date(r.created_at),
      lastUsedAt: new Date(r.last_used_at),
    }));
  }

  /**
   * Stores a browser's subscription for a person, in one statement. The same endpoint again (the
   * browser registering anew, or another person now signed in on it) takes the new keys and owner.
   */
  async register(
    userId: string,
    device: { endpoint: string; p256dh: string; auth: string; label: string | null; userAgent: string | null },
  ): Promise<PushDeviceRow> {
    const [row] = await this.sql<{ id: string; created_at: Date | string; last_used_at: Date | string }>(
      `insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, label, user_agent, created_at, last_used_at, failures)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now(), now(), 0)
       on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
         label = excluded.label, user_agent = excluded.user_agent, last_used_at = now(), failures = 0,
         created_at = case when push_subscriptions.user_id = excluded.user_id then push_subscriptions.created_at else now() end
       returning id, created_at, last_used_at`,
      [userId, device.endpoint, device.p256dh, device.auth, device.label, device.userAgent],
    );
    if (!row) throw new Error('The push subscription was not stored');
    return {
      id: row.id,
      endpoint: device.endpoint,
      label: device.label,
      userAgent: device.userAgent,
      createdAt: new Date(row.created_at),
      lastUsedAt: new Date(row.last_used_at),
    };
  }

  /** Removes a person's devices beyond the `keep` most recently used. */
  async keepNewest(userId: string, keep: number): Promise<void> {
    await this.sql(
      `delete from push_subscriptions where id in (
         select id from push_subscriptions where user_id = ? order by last_used_at desc, id offset ?)`,
      [userId, keep],
    );
  }

  /** Removes one of a person's devices; false when they have none with that id. */
  async removeOwn(userId: string, id: string): Promise<boolean> {
    const removed = await this.sql<{ id: string }>(
      `delete from push_subscriptions where id = ? and user_id = ? returning id`,
      [id, userId],
    );
    return removed.length > 0;
  }

  /** Which of some people have a device at all (one statement). */
  async usersWithDevices(userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.sql<{ user_id: string }>(
      `select distinct user_id from push_subscriptions where user_id = any(?::uuid[])`,
      [`{${userIds.join(',')}}`],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** The devices of some people, in one statement: where their notifications are pushed. */
  async idsOfUsers(userIds: string[]): Promise<{ id: string; userId: string }[]> {
    if (!userIds.length) return [];
    const rows = await this.sql<{ id: string; user_id: string }>(
      `select id, user_id from push_subscriptions where user_id = any(?::uuid[]) order by user_id, id`,
      [`{${userIds.join(',')}}`],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id }));
  }

  async target(id: string): Promise<PushTarget | null> {
    const [row] = await this.sql<{ id: string; user_id: string; endpoint: string; p256dh: string; auth: string }>(
      `select id, user_id, endpoint, p256dh, auth from push_subscriptions where id = ?`,
      [id],
    );
    return row ? { id: row.id, userId: row.user_id, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth } : null;
  }

  /** The push service took a message: the device works. */
  async markSent(id: string): Promise<void> {
    await this.sql(`update push_subscriptions set failures = 0, last_used_at = now() where id = ?`, [id]);
  }

  /**
   * One more refusal in a row. A device refused `dropAfter` times in a row that has taken nothing
   * for `quietDays` is removed (a browser long gone, or keys the push service no longer accepts);
   * an outage of the push service of a few hours drops nobody. Answers whether it was removed.
   */
  async markFailed(id: string, dropAfter: number, quietDays: number): Promise<boolean> {
    const [counted] = await this.sql<{ failures: number; quiet: boolean }>(
      `update push_subscriptions set failures = least(failures + 1, 32000) where id = ?
       returning failures, last_used_at < now() - make_interval(days => ?) as quiet`,
      [id, quietDays],
    );
    if (!counted || counted.failures < dropAfter || !counted.quiet) return false;
    await this.removeGone(id);
    return true;
  }

  /** The push service says the subscription is gone (404/410): nothing will reach it again. */
  async removeGone(id: string): Promise<void> {
    await this.sql(`delete from push_subscriptions where id = ?`, [id]);
  }
}
