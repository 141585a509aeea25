import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, InputCheck, RateLimiter, isUuid, type AppConfig, type Viewer } from '@convene/server-core';
import {
  DEFAULT_CHANNELS,
  DEFAULT_DIGEST,
  DEFAULT_GROUP_LEVEL,
  DigestFrequency,
  EmailDelivery,
  GroupNotificationLevel,
  NotificationCategory,
  ThreadNotificationLevel,
  type ChannelChoice,
} from '@convene/shared-contracts';
import { GroupsService, type GroupReference } from '@convene/server-groups';
import { ChannelPreferenceRepository } from './channel-preference.repository.js';
import { GroupPreferenceRepository } from './group-preference.repository.js';
import { ThreadPreferenceRepository } from './thread-preference.repository.js';
import type { NotificationSettings } from './notification-settings.entity.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';
import { notificationsErrors } from './notifications.errors.js';
import { PushSubscriptionRepository } from './push-subscription.repository.js';

export interface SettingsView {
  contentFree: boolean;
  digestFrequency: DigestFrequency;
  digestHour: number;
  digestWeekday: number;
  channels: ({ category: NotificationCategory } & ChannelChoice)[];
  /** The viewer's active groups, with their level. */
  groups: { group: GroupReference; level: GroupNotificationLevel }[];
}

export interface SettingsInput {
  contentFree?: boolean | null;
  digestFrequency?: DigestFrequency | null;
  digestHour?: number | null;
  digestWeekday?: number | null;
  /** `push` left out keeps the category's push as it was (clients from before push). */
  channels?: ({ category: NotificationCategory; push?: boolean | null } & Omit<ChannelChoice, 'push'>)[] | null;
}

/** How one recipient gets one notification; absent when they get nothing. */
export type Delivery = ChannelChoice;

const CATEGORIES = Object.values(NotificationCategory);

/** Everything a person chooses about notifications, and what those choices mean for delivery. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly notificationSettings: NotificationSettingsRepository,
    private readonly channelPreferences: ChannelPreferenceRepository,
    private readonly groupPreferences: GroupPreferenceRepository,
    private readonly threadPreferences: ThreadPreferenceRepository,
    private readonly pushSubscriptions: PushSubscriptionRepository,
    private readonly groups: GroupsService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(viewer: Viewer): Promise<SettingsView> {
    const em = this.em.fork();
    const [settings, channels, groupIds, levels] = await Promise.all([
      this.notificationSettings.ofUser(em, viewer.userId),
      this.channelPreferences.ofUser(em, viewer.userId),
      this.groups.activeGroupIdsOf(viewer.userId),
      this.groupPreferences.ofUser(em, viewer.userId),
    ]);
    const references = await this.groups.referencesByIds(groupIds);
    const levelOf = new Map(levels.map((l) => [l.groupId, l.level]));
    const chosen = new Map(channels.map((c) => [c.category, c]));
    return {
      contentFree: settings?.contentFree ?? false,
      digestFrequency: settings?.digestFrequency ?? DEFAULT_DIGEST.frequency,
      digestHour: settings?.digestHour ?? DEFAULT_DIGEST.hour,
      digestWeekday: settings?.digestWeekday ?? DEFAULT_DIGEST.weekday,
      channels: CATEGORIES.map((category) => {
        const own = chosen.get(category);
        return {
          category,
          ...(own ? { inApp: own.inApp, email: own.email, push: own.push } : DEFAULT_CHANNELS[category]),
        };
      }),
      groups: [...references.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((group) => ({ group, level: levelOf.get(group.id) ?? DEFAULT_GROUP_LEVEL })),
    };
  }

  async update(viewer: Viewer, input: SettingsInput): Promise<SettingsView> {
    const check = new InputCheck();
    if (input.contentFree != null && typeof input.contentFree !== 'boolean')
      check.fail('contentFree', 'Say yes or no.');
    if (input.digestFrequency != null)
      check.oneOf('digestFrequency', input.digestFrequency, Object.values(DigestFrequency), 'Digest frequency');
    if (
      input.digestHour != null &&
      (!Number.isInteger(input.digestHour) || input.digestHour < 0 || input.digestHour > 23)
    ) {
      check.fail('digestHour', 'Choose an hour from 0 to 23.');
    }
    if (
      input.digestWeekday != null &&
      (!Number.isInteger(input.digestWeekday) || input.digestWeekday < 1 || input.digestWeekday > 7)
    ) {
      check.fail('digestWeekday', 'Choose a day from 1 (Monday) to 7 (Sunday).');
    }
    const channels = input.channels ?? [];
    const seen = new Set<string>();
    channels.forEach((channel, i) => {
      check.oneOf(`channels.${i}.category`, channel.category, CATEGORIES, 'Category');
      check.oneOf(`channels.${i}.email`, channel.email, Object.values(EmailDelivery), 'Email');
      if (typeof channel.inApp !== 'boolean') check.fail(`channels.${i}.inApp`, 'Say yes or no.');
      if (channel.push != null && typeof channel.push !== 'boolean') check.fail(`channels.${i}.push`, 'Say yes or no.');
      if (seen.has(channel.category)) check.fail(`channels.${i}.category`, 'Give each category once.');
      seen.add(channel.category);
    });
    check.done();

    await this.em.fork().transactional(async (em) => {
      const settings = await this.settingsRow(em, viewer.userId);
      if (input.contentFree != null) settings.contentFree = input.contentFree;
      if (input.digestFrequency != null) settings.digestFrequency = input.digestFrequency;
      if (input.digestHour != null) settings.digestHour = input.digestHour;
      if (input.digestWeekday != null) settings.digestWeekday = input.digestWeekday;
      const chosen = new Map((await this.channelPreferences.ofUser(em, viewer.userId)).map((c) => [c.category, c]));
      for (const channel of channels) {
        const push = channel.push ?? (chosen.get(channel.category) ?? DEFAULT_CHANNELS[channel.category]).push;
        await this.channelPreferences.choose(em, viewer.userId, channel.category, {
          inApp: channel.inApp,
          email: channel.email,
          push,
        });
      }
    });
    return this.settings(viewer);
  }

  /** Sets the viewer's level for a group they belong to (or have asked to join, or are invited to). */
  async setGroupLevel(viewer: Viewer, groupId: string, level: GroupNotificationLevel): Promise<GroupNotificationLevel> {
    const check = new InputCheck();
    const id = check.uuid('groupId', groupId, 'Group');
    check.oneOf('level', level, Object.values(GroupNotificationLevel), 'Level');
    check.done();
    const view = await this.groups.byId(viewer, id);
    if (!view.viewerMembership) throw notificationsErrors.notInGroup();
    await this.groupPreferences.setLevel(viewer.userId, id, level);
    return level;
  }

  /** The viewer's level for one group. */
  async groupLevel(viewer: Viewer, groupId: string): Promise<GroupNotificationLevel> {
    return (await this.groupPreferences.chosenLevel(viewer.userId, groupId)) ?? DEFAULT_GROUP_LEVEL;
  }

  /** The viewer's levels for several groups (the default where they never chose), in one query. */
  async groupLevelsOf(viewer: Viewer, groupIds: string[]): Promise<Map<string, GroupNotificationLevel>> {
    const chosen = groupIds.length
      ? await this.groupPreferences.chosenLevels(viewer.userId, [...new Set(groupIds)])
      : new Map<string, GroupNotificationLevel>();
    return new Map(groupIds.map((id) => [id, chosen.get(id) ?? DEFAULT_GROUP_LEVEL]));
  }

  /** Sets how much the viewer hears of a thread; the caller has checked they may read it. */
  async setThreadLevel(
    viewer: Viewer,
    threadId: string,
    level: ThreadNotificationLevel,
  ): Promise<ThreadNotificationLevel> {
    const check = new InputCheck();
    check.oneOf('level', level, Object.values(ThreadNotificationLevel), 'Level');
    check.done();
    await this.threadPreferences.setLevel(viewer.userId, threadId, level);
    return level;
  }

  /** The viewer's level for some threads (NORMAL where they chose nothing); one query. */
  async threadLevelsOf(viewer: Viewer, threadIds: string[]): Promise<Map<string, ThreadNotificationLevel>> {
    const chosen = threadIds.length
      ? await this.threadPreferences.chosenLevels(viewer.userId, threadIds)
      : new Map<string, ThreadNotificationLevel>();
    return new Map(threadIds.map((id) => [id, chosen.get(id) ?? ThreadNotificationLevel.NORMAL]));
  }

  /** Who watches a thread and who muted it. */
  async threadLevels(threadId: string): Promise<{ watching: string[]; muted: string[] }> {
    const rows = await this.threadPreferences.watchingOrMuted(threadId);
    return {
      watching: rows.filter((r) => r.level === ThreadNotificationLevel.WATCHING).map((r) => r.userId),
      muted: rows.filter((r) => r.level === ThreadNotificationLevel.MUTED).map((r) => r.userId),
    };
  }

  /** Participants watch a thread, unless they chose a level for it already. */
  async watchThreadIfUnset(em: EntityManager, userId: string, threadId: string): Promise<void> {
    await this.threadPreferences.watchIfUnset(em, userId, threadId);
  }

  /**
   * Who gets a notification, and how. `involved` people are told at level ALL or INVOLVING_ME,
   * `followers` only at ALL; nobody is told about a group they muted, or through channels they
   * switched off; push only for people with a device. Two queries, whatever the number of people.
   */
  async deliveries(plan: {
    groupId: string | null;
    category: NotificationCategory;
    involved: string[];
    followers: string[];
    direct?: string[];
  }): Promise<Map<string, Delivery>> {
    const involved = new Set(plan.involved);
    const direct = new Set(plan.direct ?? []);
    const everyone = [...new Set([...plan.involved, ...plan.followers, ...direct])];
    if (!everyone.length) return new Map();
    const chosen = await this.groupPreferences.levelsAndChannels(everyone, plan.groupId, plan.category);
    const told: [string, ChannelChoice][] = [];
    for (const row of chosen) {
      const level = row.level ?? DEFAULT_GROUP_LEVEL;
      if (!direct.has(row.userId)) {
        if (level === GroupNotificationLevel.MUTED) continue;
        if (level === GroupNotificationLevel.INVOLVING_ME && !involved.has(row.userId)) continue;
      }
      told.push([row.userId, row.channel ?? DEFAULT_CHANNELS[plan.category]]);
    }
    // Push goes only where there is a device to push to (one statement, for those who want it).
    const withDevices = await this.pushSubscriptions.usersWithDevices(
      told.filter(([, channel]) => channel.push).map(([userId]) => userId),
    );
    const result = new Map<string, Delivery>();
    for (const [userId, channel] of told) {
      const push = channel.push && withDevices.has(userId);
      if (!channel.inApp && channel.email === EmailDelivery.NONE && !push) continue;
      result.set(userId, { inApp: channel.inApp, email: channel.email, push });
    }
    return result;
  }

  /** Whether a person asked for content-free notifications everywhere. */
  async contentFreeUsers(userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    return this.notificationSettings.contentFreeAmong([...new Set(userIds)]);
  }

  /** A person's settings row, made with the defaults if they never chose anything. */
  async settingsRow(em: EntityManager, userId: string): Promise<NotificationSettings> {
    const row = (await this.settingsRows(em, [userId])).get(userId);
    if (!row) throw new Error(`No notification settings for ${userId}`);
    return row;
  }

  /** Several people's settings rows, made with the defaults for those who never chose anything. */
  async settingsRows(em: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    // Most people have one already (made with their first mail): then one statement.
    const found = await this.notificationSettings.reloadedByUser(em, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (!missing.length) return found;
    await this.notificationSettings.insertDefaults(em, missing);
    return this.notificationSettings.reloadedByUser(em, ids);
  }

  /** The link that stops one category's email for one person, without signing in. */
  unsubscribeUrl(settings: NotificationSettings, category: NotificationCategory | 'DIGEST'): string {
    return `${this.config.publicUrl}/unsubscribe/${settings.userId}.${category}.${this.mac(settings, category)}`;
  }

  /**
   * Stops the email of the link's category (for the digest: every category sent by digest). In-app
   * notifications stay as they were. Using a link twice is harmless.
   */
  async unsubscribe(
    token: string,
    client: { address: string },
  ): Promise<{ category: NotificationCategory | 'DIGEST' }> {
    // The link is its own secret: every attempt counts against the client address.
    await this.rateLimiter.consume([
      { scope: 'unsubscribe:address', subject: client.address, limit: 60, windowSeconds: 3600 },
    ]);
    const [userId, category, mac] = (token ?? '').split('.');
    const known = category === 'DIGEST' || CATEGORIES.includes(category as NotificationCategory);
    if (!userId || !isUuid(userId) || !known || !mac) throw notificationsErrors.invalidUnsubscribeLink();
    return this.em.fork().transactional(async (em) => {
      const settings = await this.notificationSettings.ofUser(em, userId);
      if (!settings) throw notificationsErrors.invalidUnsubscribeLink();
      const expected = Buffer.from(this.mac(settings, category as NotificationCategory));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        throw notificationsErrors.invalidUnsubscribeLink();
      const stop = category === 'DIGEST' ? await this.digestCategories(em, userId) : [category as NotificationCategory];
      for (const c of stop) {
        const current = (await this.channelPreferences.ofUserAndCategory(em, userId, c)) ?? DEFAULT_CHANNELS[c];
        await this.channelPreferences.choose(em, userId, c, {
          inApp: current.inApp,
          email: EmailDelivery.NONE,
          push: current.push,
        });
      }
      return { category: category as NotificationCategory | 'DIGEST' };
    });
  }

  private async digestCategories(em: EntityManager, userId: string): Promise<NotificationCategory[]> {
    const chosen = new Map((await this.channelPreferences.ofUser(em, userId)).map((c) => [c.category, c.email]));
    return CATEGORIES.filter((c) => (chosen.get(c) ?? DEFAULT_CHANNELS[c].email) === EmailDelivery.DIGEST);
  }

  private mac(settings: NotificationSettings, category: string): string {
    return createHmac('sha256', settings.unsubscribeKey)
      .update(`${settings.userId}:${category}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
