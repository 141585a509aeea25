import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';

/**
 * The discussions' share of a person's data: the threads they started, their posts and reactions.
 * On deletion the posts stay (the conversation would make no sense without them) and show as from
 * a former member; reactions and read positions go.
 */
@Injectable()
export class DiscussionsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'posts',
      collect: (em, person) => this.collect(em, person),
      erase: (em, person) => this.erase(em, person),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const threads = await em.execute<Record<string, unknown>[]>(
      `select t.id, g.name as "group", t.title, t.created_at as "createdAt" from threads t join working_groups g on g.id = t.group_id where t.author_id = ? order by t.created_at`,
      [person.id],
    );
    const posts = await em.execute<Record<string, unknown>[]>(
      `select p.id, t.title as "thread", p.parent_id as "inReplyTo", p.body, p.created_at as "createdAt", p.edited_at as "editedAt", p.deleted_at is not null as deleted
         from posts p join threads t on t.id = p.thread_id where p.author_id = ? order by p.created_at`,
      [person.id],
    );
    const reactions = await em.execute<Record<string, unknown>[]>(
      `select post_id as "postId", reaction, created_at as "at" from post_reactions where user_id = ? order by created_at`,
      [person.id],
    );
    return { records: [{ threadsStarted: threads, posts, reactions }] };
  }

  private async erase(em: EntityManager, person: DataSubject): Promise<void> {
    for (const table of ['post_reactions', 'thread_reads', 'reply_addresses', 'inbound_mails'])
      await em.execute(`delete from ${table} where user_id = ?`, [person.id]);
  }
}
