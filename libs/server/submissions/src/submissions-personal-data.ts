import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';

/**
 * The pitches' share of a convenor's data: the internal notes and messages to partners they wrote,
 * and the pitches they review. On deletion they stop being a reviewer (replies then go to the
 * pitch's convenors); what they wrote stays with the pitch, as from a former member.
 */
@Injectable()
export class SubmissionsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'pitches',
      collect: (em, person) => this.collect(em, person),
      erase: async (em, person) =>
        void (await em.execute(`delete from pitch_reviewers where user_id = ?`, [person.id])),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const notes = await em.execute<Record<string, unknown>[]>(
      `select p.title as pitch, n.body, n.created_at as "at" from pitch_notes n join pitches p on p.id = n.pitch_id where n.author_id = ? order by n.created_at`,
      [person.id],
    );
    const messages = await em.execute<Record<string, unknown>[]>(
      `select p.title as pitch, m.body, m.created_at as "at" from pitch_messages m join pitches p on p.id = m.pitch_id where m.author_id = ? order by m.created_at`,
      [person.id],
    );
    const reviewing = await em.execute<Record<string, unknown>[]>(
      `select p.title as pitch, r.assigned_at as "since" from pitch_reviewers r join pitches p on p.id = r.pitch_id where r.user_id = ? order by r.assigned_at`,
      [person.id],
    );
    return { records: [{ internalNotes: notes, messagesToPartners: messages, reviewing }] };
  }
}
