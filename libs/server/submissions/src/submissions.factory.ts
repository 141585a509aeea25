// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '@convene/server-identity';
import { PitchForm } from './pitch-form.entity.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { Pitch } from './pitch.entity.js';

export type NewPitchForm = Pick<PitchForm, 'slug' | 'title' | 'consentText'> &
  Partial<Pick<PitchForm, 'intro' | 'isOpen' | 'fields' | 'retentionDays' | 'language' | 'translations'>> & {
    createdBy: Pick<User, 'id'>;
  };

/** A pitch as its partner sent it through `form`: it keeps the consent and retention the form gave. */
export type NewPitch = Pick<
  Pitch,
  'organisationName' | 'organisationType' | 'contactName' | 'contactEmail' | 'title' | 'summary' | 'helpWanted'
> &
  Partial<Pick<Pitch, 'groupIds' | 'notSure' | 'answers' | 'status' | 'locale'>> & { form: PitchForm };

export type NewPitchMessage = Pick<PitchMessage, 'author' | 'body'> & {
  pitch: Pick<Pitch, 'id'>;
  /** The convenor who wrote it, when `author` is the convenors. */
  convenor?: Pick<User, 'id'>;
};

export function newPitchForm(em: EntityManager, { createdBy, ...values }: NewPitchForm): PitchForm {
  return em.create(PitchForm, { ...values, createdById: createdBy.id });
}

export function newPitch(em: EntityManager, { form, ...values }: NewPitch): Pitch {
  return em.create(Pitch, {
    ...values,
    formId: form.id,
    consentText: form.consentText,
    retentionDays: form.retentionDays,
  });
}

export function newPitchMessage(em: EntityManager, { pitch, convenor, ...values }: NewPitchMessage): PitchMessage {
  return em.create(PitchMessage, { ...values, pitchId: pitch.id, authorId: convenor?.id ?? null });
}

/** A convenor's internal note on a pitch. */
export function newPitchNote(
  em: EntityManager,
  { pitch, author, body }: Pick<PitchNote, 'body'> & { pitch: Pick<Pitch, 'id'>; author: Pick<User, 'id'> },
): PitchNote {
  return em.create(PitchNote, { pitchId: pitch.id, authorId: author.id, body });
}
