// An event's programme made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRegistration } from './event-registration.entity.js';
import type { Meeting } from './meeting.entity.js';
import { ProgrammeSession } from './programme-session.entity.js';
import { SessionPlace } from './session-place.entity.js';

export type NewProgrammeSession = Pick<ProgrammeSession, 'title' | 'kind' | 'startsAt' | 'endsAt' | 'position'> &
  Partial<Pick<ProgrammeSession, 'room' | 'description' | 'capacity'>> & { meeting: Pick<Meeting, 'id'> };

export type NewSessionPlace = Pick<SessionPlace, 'status'> & {
  session: Pick<ProgrammeSession, 'id'>;
  registration: Pick<EventRegistration, 'id'>;
};

export function newProgrammeSession(em: EntityManager, { meeting, ...values }: NewProgrammeSession): ProgrammeSession {
  return em.create(ProgrammeSession, { ...values, meetingId: meeting.id });
}

export function newSessionPlace(em: EntityManager, { session, registration, status }: NewSessionPlace): SessionPlace {
  return em.create(SessionPlace, { sessionId: session.id, registrationId: registration.id, status });
}
