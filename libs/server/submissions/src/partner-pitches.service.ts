import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InputCheck, readFormAnswers, OutboxService, RateLimiter } from '@convene/server-core';
import { LIMITS, OrganisationType, PitchMessageAuthor, PitchStatus } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { MailService } from '@convene/server-mail';
import type { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchMailService } from './pitch-mail.service.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchRecipientsService } from './pitch-recipients.service.js';
import { Pitch } from './pitch.entity.js';
import { PitchFormRepository } from './pitch-form.repository.js';
import { PitchRepository } from './pitch.repository.js';
import { CLOSED, UNCLAIMED_HOURS, closePitch, groupOf, longText, sha256 } from './pitches.util.js';
import { submissionsErrors } from './submissions.errors.js';

export interface SubmitPitchInput {
  formSlug: string;
  organisationName: string;
  organisationType: OrganisationType;
  contactName: string;
  contactEmail: string;
  title: string;
  summary: string;
  helpWanted: string;
  groupIds?: string[] | null;
  notSure?: boolean | null;
  answers?: { fieldId: string; value: string }[] | null;
  /** Uploads made before submitting: each id with the claim its upload answered. */
  attachments?: { id: string; claim: string }[] | null;
  consent: boolean;
  /** A field people never see; bots fill it. */
  website?: string | null;
  locale?: string | null;
}

/** What the partner sees through their private link: never notes, nor reviewers' names. */
export interface PartnerView {
  pitch: Pitch;
  messages: PitchMessage[];
  attachments: PitchAttachment[];
  groupNames: string[];
}

/**
 * What a partner organisation does, without an account: pitches an idea through a public form, then
 * follows it through a private link (status, messages, reply, withdraw). The convenors' side is
 * PitchTriageService.
 */
@Injectable()
export class PartnerPitchesService {
  constructor(
    private readonly em: EntityManager,
    private readonly pitches: PitchRepository,
    private readonly forms: PitchFormRepository,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly recipients: PitchRecipientsService,
    private readonly partnerMail: PitchMailService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** Submits a pitch. The answer is the same whatever happens next; the partner learns the rest by email. */
  async submit(input: SubmitPitchInput, client: { address: string }): Promise<void> {
    await this.rateLimiter.consume([
      { scope: 'pitch:address', subject: client.address, limit: 10, windowSeconds: 3600 },
    ]);
    const check = new InputCheck();
    const organisationName = check.text('organisationName', input.organisationName, {
      max: LIMITS.organisationNameMax,
      label: 'The organisation',
    });
    const organisationType = check.oneOf(
      'organisationType',
      input.organisationType,
      Object.values(OrganisationType),
      'The kind of organisation',
    );
    const contactName = check.text('contactName', input.contactName, {
      max: LIMITS.registrationNameMax,
      label: 'Your name',
    });
    const contactEmail = check.email('contactEmail', input.contactEmail);
    const title = check.text('title', input.title, { max: LIMITS.pitchTitleMax, label: 'The title' });
    const summary = longText(check, 'summary', input.summary, LIMITS.pitchSummaryMax, 'The summary', true);
    const helpWanted = longText(
      check,
      'helpWanted',
      input.helpWanted,
      LIMITS.pitchHelpMax,
      'The help you would like',
      true,
    );
    const notSure = Boolean(input.notSure);
    const groupIds = [...new Set((input.groupIds ?? []).map((id, i) => check.uuid(`groupIds.${i}`, id, 'Group')))];
    if (!notSure && !groupIds.length) check.fail('groupIds', 'Choose at least one working group, or “Not sure”.');
    if (groupIds.length > 10) check.fail('groupIds', 'Choose at most 10 working groups.');
    const attachments = input.attachments ?? [];
    if (attachments.length > LIMITS.pitchAttachmentsMax)
      check.fail('attachments', `Attach at most ${LIMITS.pitchAttachmentsMax} files.`);
    attachments.forEach((a, i) => check.uuid(`attachments.${i}`, a.id, 'Attachment'));
    const locale = input.locale === 'ar' ? 'ar' : 'en';
    check.done();
    // Bots fill the hidden field: they get the usual answer and nothing is stored.
    if ((input.website ?? '').trim()) return;
    const form = await this.forms.bySlug((input.formSlug ?? '').trim().toLowerCase());
    if (!form) throw submissionsErrors.formNotFound();
    if (!form.isOpen) throw submissionsErrors.formClosed();
    const answers = readFormAnswers(check, form.fields, input.answers ?? [], {
      text: LIMITS.registrationAnswerMax,
      longText: LIMITS.pitchSummaryMax,
    });
    check.done();
    if (!input.consent) throw submissionsErrors.consentRequired();
    // Only the groups the public form offers (invite-only groups are not named to the public).
    const offered = new Set((await this.groups.publicReferences()).map((g) => g.id));
    if (groupIds.some((id) => !offered.has(id))) throw submissionsErrors.unknownGroup();
    // Counted once the input is valid: mail goes to the address given, which must not become a way to flood someone.
    await this.rateLimiter.consume([{ scope: 'pitch:email', subject: contactEmail, limit: 5, windowSeconds: 3600 }]);
    const triagedByAdmins = notSure || !groupIds.length;
    const recipientIds = [
      ...new Set([
        ...(groupIds.length ? await this.recipients.of(groupIds) : []),
        ...(triagedByAdmins ? await this.identity.networkAdminIds() : []),
      ]),
    ];

    const { mail, event } = await this.em.transactional(async (em) => {
      const pitch = em.create(Pitch, {
        formId: form.id,
        organisationName,
        organisationType,
        contactName,
        contactEmail,
        title,
        summary,
        helpWanted,
        groupIds,
        notSure: triagedByAdmins,
        answers,
        locale,
        consentText: form.consentText,
        retentionDays: form.retentionDays,
      });
      const fresh = new Date(Date.now() - UNCLAIMED_HOURS * 3_600_000);
      const uploads = attachments.length
        ? await this.pitches.unclaimedUploadsForUpdate(
            em,
            attachments.map((a) => a.id.toLowerCase()),
            fresh,
          )
        : [];
      for (const a of attachments) {
        const upload = uploads.find((u) => u.id === a.id.toLowerCase());
        if (!upload || upload.claimHash !== sha256(a.claim ?? '')) throw submissionsErrors.attachmentNotFound();
        upload.pitchId = pitch.id;
      }
      const mail = this.partnerMail.received(em, pitch);
      const event = this.outbox.record('pitch.submitted', { pitchId: pitch.id, groupId: groupOf(pitch), recipientIds });
      await em.flush();
      return { mail, event };
    });
    await this.mail.dispatch([mail]);
    await this.outbox.publish([event]);
  }

  /** The pitch behind a private link (a secret: tries are limited per address). */
  async byToken(token: string, client: { address: string }): Promise<PartnerView> {
    await this.rateLimiter.consume([{ scope: 'pitch:link', subject: client.address, limit: 120, windowSeconds: 3600 }]);
    const pitch = await this.pitchOfToken(this.em.fork(), token);
    return this.partnerView(pitch);
  }

  /** The partner replies, or adds information; the reviewers (or, with none, the convenors it went to) are told. */
  async replyByToken(token: string, body: string, client: { address: string }): Promise<PartnerView> {
    await this.rateLimiter.consume([{ scope: 'pitch:link', subject: client.address, limit: 120, windowSeconds: 3600 }]);
    const check = new InputCheck();
    const text = longText(check, 'body', body, LIMITS.pitchMessageMax, 'Your message', true);
    check.done();
    const event = await this.em.transactional(async (em) => {
      const pitch = await this.pitchOfToken(em, token, true);
      if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
      em.create(PitchMessage, { pitchId: pitch.id, author: PitchMessageAuthor.PARTNER, body: text });
      pitch.updatedAt = new Date();
      const reviewers = (await this.pitches.reviewersOf(em, pitch.id)).map((r) => r.userId);
      const recipientIds = reviewers.length ? reviewers : await this.recipients.of(pitch.groupIds);
      const event = this.outbox.record('pitch.replied', { pitchId: pitch.id, groupId: groupOf(pitch), recipientIds });
      await em.flush();
      return event;
    });
    await this.outbox.publish([event]);
    return this.partnerView(await this.pitchOfToken(this.em.fork(), token));
  }

  async withdrawByToken(token: string, client: { address: string }): Promise<PartnerView> {
    await this.rateLimiter.consume([{ scope: 'pitch:link', subject: client.address, limit: 120, windowSeconds: 3600 }]);
    const mail = await this.em.transactional(async (em) => {
      const pitch = await this.pitchOfToken(em, token, true);
      if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
      closePitch(pitch, PitchStatus.WITHDRAWN);
      const mail = this.partnerMail.statusChanged(em, pitch, '');
      await em.flush();
      return mail;
    });
    await this.mail.dispatch([mail]);
    return this.partnerView(await this.pitchOfToken(this.em.fork(), token));
  }

  private async pitchOfToken(em: EntityManager, token: string, lock = false): Promise<Pitch> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token ?? '')) throw submissionsErrors.pitchNotFound();
    const pitch = await this.pitches.byLinkHash(em, sha256(token), lock);
    if (!pitch || pitch.anonymisedAt) throw submissionsErrors.pitchNotFound();
    return pitch;
  }

  private async partnerView(pitch: Pitch): Promise<PartnerView> {
    const [{ messages, attachments }, names] = await Promise.all([
      this.pitches.messagesAndAttachmentsOf(pitch.id),
      this.groups.referencesByIds(pitch.groupIds),
    ]);
    return {
      pitch,
      messages,
      attachments,
      groupNames: pitch.groupIds.map((id) => names.get(id)?.name ?? '').filter(Boolean),
    };
  }
}
