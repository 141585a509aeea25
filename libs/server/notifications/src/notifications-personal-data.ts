import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';

/** The notifications' share of a person's data: what they were told, how they chose to be told, and where. */
@Injectable()
export class NotificationsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'notifications',
      collect: (em, person) => this.collect(em, person),
      erase: (em, person) => this.erase(em, person),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const notifications = await em.execute<Record<string, unknown>[]>(
      `select n.type, g.name as "group", n.created_at as "at", n.read_at as "readAt", n.emailed_at as "emailedAt" from notifications n left join working_groups g on g.id = n.group_id where n.recipient_id = ? order by n.seq`,
      [person.id],
    );
    const [settings] = await em.execute<Record<string, unknown>[]>(
      `select content_free as "contentFree", digest_frequency as "digestFrequency", digest_hour as "digestHour", digest_weekday as "digestWeekday" from notification_settings where user_id = ?`,
      [person.id],
    );
    const channels = await em.execute<Record<string, unknown>[]>(
      `select category, in_app as "inApp", email, push from notification_channel_preferences where user_id = ? order by category`,
      [person.id],
    );
    const groups = await em.execute<Record<string, unknown>[]>(
      `select g.name as "group", p.level from group_notification_preferences p join working_groups g on g.id = p.group_id where p.user_id = ? order by g.name`,
      [person.id],
    );
    // The devices, as their owner sees them; the push service's address and keys are not theirs to keep.
    const pushDevices = await em.execute<Record<string, unknown>[]>(
      `select label, user_agent as "userAgent", created_at as "createdAt", last_used_at as "lastUsedAt" from push_subscriptions where user_id = ? order by created_at`,
      [person.id],
    );
    return { records: [{ notifications, settings: settings ?? null, channels, groups, pushDevices }] };
  }

  private async erase(em: EntityManager, person: DataSubject): Promise<void> {
    const tables = [
      'notification_settings',
      'notification_channel_preferences',
      'group_notification_preferences',
      'thread_notification_preferences',
      'notification_sequences',
      'push_subscriptions',
    ];
    await em.execute(`delete from notifications where recipient_id = ?`, [person.id]);
    for (const table of tables) await em.execute(`delete from ${table} where user_id = ?`, [person.id]);
  }
}
