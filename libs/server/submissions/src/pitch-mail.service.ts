import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { MailService, type MailMessage } from '@convene/server-mail';
import { PitchLink } from './pitch-link.entity.js';
import type { Pitch } from './pitch.entity.js';
import { sha256 } from './pitches.util.js';

const newToken = () => randomBytes(24).toString('base64url');

/**
 * The mail a partner is sent about their pitch, prepared in the caller's transaction (the caller
 * dispatches it once committed). Each mail carries a private link of its own to the pitch.
 */
@Injectable()
export class PitchMailService {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The pitch arrived. */
  received(em: EntityManager, pitch: Pitch): MailMessage {
    return this.mail.prepare(
      'pitch-received',
      { email: pitch.contactEmail, locale: pitch.locale },
      { title: pitch.title, link: this.link(em, pitch) },
      em,
    );
  }

  /** Its new status (with the group it was accepted into, if any, and the reason it was declined). */
  statusChanged(em: EntityManager, pitch: Pitch, groupName: string): MailMessage {
    const status = pitch.status as 'UNDER_REVIEW' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
    return this.mail.prepare(
      'pitch-status',
      { email: pitch.contactEmail, locale: pitch.locale },
      { title: pitch.title, status, groupName, reason: pitch.declineReason, link: this.link(em, pitch) },
      em,
    );
  }

  /** A convenor's message. */
  message(em: EntityManager, pitch: Pitch, message: string): MailMessage {
    return this.mail.prepare(
      'pitch-message',
      { email: pitch.contactEmail, locale: pitch.locale },
      { title: pitch.title, message, link: this.link(em, pitch) },
      em,
    );
  }

  /** A new private link to a pitch (each mail has its own; all stay valid until the pitch is anonymised). */
  private link(em: EntityManager, pitch: Pitch): string {
    const token = newToken();
    em.create(PitchLink, { tokenHash: sha256(token), pitchId: pitch.id });
    return `${this.config.publicUrl}/pitches/${token}`;
  }
}
