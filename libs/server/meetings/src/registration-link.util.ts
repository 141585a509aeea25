// A registrant's private link: the token goes into their mail, only its hash is kept.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventRegistrationLink } from './event-registration-link.entity.js';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A new private link to a registration, stored (as a hash) in the caller's unit of work. */
export function newRegistrationLink(em: EntityManager, registrationId: string, publicUrl: string): string {
  const token = randomBytes(24).toString('base64url');
  em.create(EventRegistrationLink, { tokenHash: sha256(token), registrationId });
  return `${publicUrl}/registrations/${token}`;
}
