import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';

/**
 * Registrations need no account, and an account's address is not proven to be its holder's: only
 * registrations made under the address since the account exists are taken to be the person's.
 */
const SINCE_ACCOUNT = 'select created_at from users where id = ?';

/**
 * The meetings' share of a person's data: their answers to meetings and polls, their calendar
 * feed, and the event registrations made with their address (registrants need no account).
 */
@Injectable()
export class MeetingsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'meetings',
      collect: (em, person) => this.collect(em, person),
      erase: (em, person) => this.erase(em, person),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const rsvps = await em.execute<Record<string, unknown>[]>(
      `select m.title as meeting, m.starts_at as "startsAt", r.response, r.note, r.updated_at as "answeredAt" from meeting_rsvps r join meetings m on m.id = r.meeting_id where r.user_id = ? order by m.starts_at`,
      [person.id],
    );
    const votes = await em.execute<Record<string, unknown>[]>(
      `select p.title as poll, s.starts_at as "slotStartsAt", v.answer, v.updated_at as "answeredAt" from meeting_poll_votes v join meeting_poll_slots s on s.id = v.slot_id join meeting_polls p on p.id = v.poll_id where v.user_id = ? order by s.starts_at`,
      [person.id],
    );
    const registrations = await em.execute<Record<string, unknown>[]>(
      `select m.title as event, r.name, r.email, r.organisation, r.answers, r.status, r.created_at as "registeredAt" from event_registrations r join meetings m on m.id = r.meeting_id
        where r.email_key = ? and r.created_at >= (${SINCE_ACCOUNT}) order by r.created_at`,
      [person.email.toLowerCase(), person.id],
    );
    const [feed] = await em.execute<Record<string, unknown>[]>(
      `select created_at as "createdAt", last_used_at as "lastUsedAt" from calendar_feeds where user_id = ?`,
      [person.id],
    );
    return { records: [{ rsvps, pollAnswers: votes, eventRegistrations: registrations, calendarFeed: feed ?? null }] };
  }

  private async erase(em: EntityManager, person: DataSubject): Promise<void> {
    for (const table of ['meeting_rsvps', 'meeting_poll_votes', 'calendar_feeds'])
      await em.execute(`delete from ${table} where user_id = ?`, [person.id]);
    // Registrations under the address are anonymised as the retention purge does; the counts stay right.
    const rows = await em.execute<{ id: string }[]>(
      `update event_registrations set name = 'Removed', email = '', email_key = null, organisation = '', answers = '{}', anonymised_at = now(), updated_at = now()
        where email_key = ? and created_at >= (${SINCE_ACCOUNT}) returning id`,
      [person.email.toLowerCase(), person.id],
    );
    if (rows.length)
      await em.execute(`delete from event_registration_links where registration_id = any(?::uuid[])`, [
        `{${rows.map((r) => r.id).join(',')}}`,
      ]);
  }
}
