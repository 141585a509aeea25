import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  InputCheck,
  readFormAnswers,
  toCsv,
  OutboxService,
  RateLimiter,
  isUuid,
  stripControlCharacters,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import { LIMITS, NetworkRole, OrganisationType, PitchMessageAuthor, PitchStatus } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { MailService, type MailMessage } from '@convene/server-mail';
import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchForm } from './pitch-form.entity.js';
import { PitchLink } from './pitch-link.entity.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { PitchReviewer } from './pitch-reviewer.entity.js';
import { Pitch } from './pitch.entity.js';
import { submissionsErrors } from './submissions.errors.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');
const CLOSED = [PitchStatus.ACCEPTED, PitchStatus.DECLINED, PitchStatus.WITHDRAWN];
/** How long an upload waits to be attached by a submitted pitch. */
export const UNCLAIMED_HOURS = 24;

/** The group a pitch's notifications are about: its only group; none when it names several (or none). */
const groupOf = (pitch: Pitch): string | null => {
  const [only, ...others] = pitch.groupIds;
  return others.length ? null : (only ?? null);
};

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

export interface PitchFilter {
  status?: PitchStatus | null;
  groupId?: string | null;
  formId?: string | null;
  from?: Date | null;
  to?: Date | null;
  first?: number | null;
  after?: string | null;
}

/** A pitch as one convenor (or admin) may see it. */
export interface PitchAccess {
  pitch: Pitch;
  /** The groups of the pitch the viewer convenes (all of them for admins). */
  managedGroupIds: string[];
  isAdmin: boolean;
}

/** What the partner sees through their private link: never notes, nor reviewers' names. */
export interface PartnerView {
  pitch: Pitch;
  messages: PitchMessage[];
  attachments: PitchAttachment[];
  groupNames: string[];
}

/**
 * Partner pitches: submitted without an account through a public form, triaged by the convenors of
 * the groups they name (network admins see all, and those that name none). The partner follows
 * theirs through a private link: status, messages, reply, withdraw.
 */
@Injectable()
export class PitchesService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- the partner ----

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
    const form = await this.em.fork().findOne(PitchForm, { slug: (input.formSlug ?? '').trim().toLowerCase() });
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
        ...(groupIds.length ? await this.recipientsFor(groupIds) : []),
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
        ? await em.find(
            PitchAttachment,
            { id: { $in: attachments.map((a) => a.id.toLowerCase()) }, pitchId: null, createdAt: { $gt: fresh } },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          )
        : [];
      for (const a of attachments) {
        const upload = uploads.find((u) => u.id === a.id.toLowerCase());
        if (!upload || upload.claimHash !== sha256(a.claim ?? '')) throw submissionsErrors.attachmentNotFound();
        upload.pitchId = pitch.id;
      }
      const mail = this.mail.prepare(
        'pitch-received',
        { email: contactEmail, locale },
        { title, link: this.link(em, pitch) },
        em,
      );
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
      const reviewers = (await em.find(PitchReviewer, { pitchId: pitch.id })).map((r) => r.userId);
      const recipientIds = reviewers.length ? reviewers : await this.recipientsFor(pitch.groupIds);
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
      this.close(pitch, PitchStatus.WITHDRAWN);
      const mail = this.statusMail(em, pitch, '');
      await em.flush();
      return mail;
    });
    await this.mail.dispatch([mail]);
    return this.partnerView(await this.pitchOfToken(this.em.fork(), token));
  }

  // ---- convenors and admins ----

  /** The groups whose pitches the viewer triages: those they convene (every group for network admins). */
  async triagedGroupIds(viewer: Viewer): Promise<{ isAdmin: boolean; groupIds: string[] }> {
    const isAdmin = viewer.networkRole === NetworkRole.ADMIN;
    const views = await this.groups.list(viewer);
    return { isAdmin, groupIds: views.filter((v) => v.canManage).map((v) => v.group.id) };
  }

  /** Pitches the viewer may triage, newest first, one bounded page; empty for people who triage none. */
  async list(
    viewer: Viewer,
    filter: PitchFilter,
  ): Promise<{ nodes: Pitch[]; hasNextPage: boolean; endCursor: string | null }> {
    const check = new InputCheck();
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pitchPageMax)
      check.fail('first', `Ask for between 1 and ${LIMITS.pitchPageMax} pitches.`);
    const groupId = filter.groupId ? check.uuid('groupId', filter.groupId, 'Group') : null;
    const formId = filter.formId ? check.uuid('formId', filter.formId, 'Form') : null;
    if (filter.status) check.oneOf('status', filter.status, Object.values(PitchStatus), 'The status');
    if (filter.from && Number.isNaN(filter.from.getTime())) check.fail('from', 'Enter a date, like 2026-11-01.');
    if (filter.to && Number.isNaN(filter.to.getTime())) check.fail('to', 'Enter a date, like 2026-12-01.');
    const after = decodeCursor(check, filter.after);
    check.done();
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    if (!isAdmin && !groupIds.length) return { nodes: [], hasNextPage: false, endCursor: null };
    const visible = isAdmin ? null : groupIds;
    const params: unknown[] = [];
    const where: string[] = ['p.anonymised_at is null'];
    if (visible) {
      where.push(`p.group_ids && ?::uuid[]`);
      params.push(`{${visible.join(',')}}`);
    }
    if (groupId) {
      where.push(`? = any(p.group_ids)`);
      params.push(groupId);
    }
    if (formId) {
      where.push('p.form_id = ?');
      params.push(formId);
    }
    if (filter.status) {
      where.push('p.status = ?');
      params.push(filter.status);
    }
    if (filter.from) {
      where.push('p.created_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('p.created_at < ?');
      params.push(filter.to);
    }
    if (after) {
      where.push('(p.created_at, p.id) < (?, ?)');
      params.push(after.createdAt, after.id);
    }
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `select p.id from pitches p where ${where.join(' and ')} order by p.created_at desc, p.id desc limit ${first + 1}`,
        params,
      );
    const found = rows.length ? await this.em.fork().find(Pitch, { id: { $in: rows.map((r) => r.id) } }) : [];
    const byId = new Map(found.map((p) => [p.id, p]));
    const nodes = rows.map((r) => byId.get(r.id)).filter((p): p is Pitch => !!p);
    const hasNextPage = nodes.length > first;
    if (hasNextPage) nodes.pop();
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage,
      endCursor: last
        ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url')
        : null,
    };
  }

  async byId(viewer: Viewer, id: string, field = 'id'): Promise<PitchAccess> {
    const check = new InputCheck();
    const pitchId = check.uuid(field, id, 'Pitch');
    check.done();
    const pitch = await this.em.fork().findOne(Pitch, { id: pitchId });
    if (!pitch || pitch.anonymisedAt) throw submissionsErrors.pitchNotFound();
    const access = await this.accessTo(viewer, pitch);
    if (!access) throw submissionsErrors.pitchNotFound();
    return access;
  }

  /** Messages, notes, reviewers and attachments of some pitches, in four queries. */
  async details(pitchIds: string[]): Promise<{
    messages: PitchMessage[];
    notes: PitchNote[];
    reviewers: PitchReviewer[];
    attachments: PitchAttachment[];
  }> {
    if (!pitchIds.length) return { messages: [], notes: [], reviewers: [], attachments: [] };
    const em = this.em.fork();
    const [messages, notes, reviewers, attachments] = await Promise.all([
      em.find(PitchMessage, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchNote, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchReviewer, { pitchId: { $in: pitchIds } }, { orderBy: { assignedAt: 'asc' } }),
      em.find(PitchAttachment, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
    ]);
    return { messages, notes, reviewers, attachments };
  }

  /**
   * A review step: a new status (under review, or declined with a reason the partner sees),
   * reviewers (convenors of the pitch's groups), an internal note, a message to the partner.
   */
  async review(
    viewer: Viewer,
    input: {
      pitchId: string;
      status?: PitchStatus | null;
      declineReason?: string | null;
      reviewerIds?: string[] | null;
      note?: string | null;
      message?: string | null;
    },
  ): Promise<PitchAccess> {
    const check = new InputCheck();
    if (input.status)
      check.oneOf(
        'status',
        input.status,
        [PitchStatus.RECEIVED, PitchStatus.UNDER_REVIEW, PitchStatus.DECLINED],
        'The status',
      );
    const reason = longText(
      check,
      'declineReason',
      input.declineReason,
      LIMITS.pitchDeclineReasonMax,
      'The reason',
      false,
    );
    if (input.status === PitchStatus.DECLINED && !reason)
      check.fail('declineReason', 'Tell the partner why: they will see it.');
    const note = longText(check, 'note', input.note, LIMITS.pitchNoteMax, 'The note', false);
    const message = longText(check, 'message', input.message, LIMITS.pitchMessageMax, 'The message', false);
    const reviewerIds =
      input.reviewerIds == null
        ? null
        : [...new Set(input.reviewerIds.map((id, i) => check.uuid(`reviewerIds.${i}`, id, 'Reviewer')))];
    check.done();
    const access = await this.byId(viewer, input.pitchId, 'pitchId');
    if (reviewerIds?.length) {
      const allowed = new Set(await this.reviewerCandidateIds(access));
      if (reviewerIds.some((id) => !allowed.has(id))) throw submissionsErrors.reviewerNotAConvenor();
    }
    const { mails, events } = await this.em.transactional(async (em) => {
      const pitch = await em.findOneOrFail(Pitch, { id: access.pitch.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const mails: MailMessage[] = [];
      const events = [];
      if (input.status && input.status !== pitch.status) {
        if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
        if (input.status === PitchStatus.DECLINED) {
          this.close(pitch, PitchStatus.DECLINED);
          pitch.declineReason = reason;
        } else pitch.status = input.status;
        if (pitch.status !== PitchStatus.RECEIVED) mails.push(this.statusMail(em, pitch, ''));
      }
      if (note) em.create(PitchNote, { pitchId: pitch.id, authorId: viewer.userId, body: note });
      if (message) {
        // A closed pitch is over for the partner too: nothing more reaches them.
        if (
          CLOSED.includes(pitch.status) &&
          !(input.status === PitchStatus.DECLINED && pitch.status === PitchStatus.DECLINED)
        )
          throw submissionsErrors.pitchClosed();
        em.create(PitchMessage, {
          pitchId: pitch.id,
          author: PitchMessageAuthor.CONVENOR,
          authorId: viewer.userId,
          body: message,
        });
        mails.push(
          this.mail.prepare(
            'pitch-message',
            { email: pitch.contactEmail, locale: pitch.locale },
            { title: pitch.title, message, link: this.link(em, pitch) },
            em,
          ),
        );
      }
      if (reviewerIds) {
        const current = await em.find(PitchReviewer, { pitchId: pitch.id });
        const added = reviewerIds.filter((id) => !current.some((r) => r.userId === id));
        for (const r of current) if (!reviewerIds.includes(r.userId)) em.remove(r);
        for (const userId of added)
          em.create(PitchReviewer, { pitchId: pitch.id, userId, assignedById: viewer.userId });
        const told = added.filter((id) => id !== viewer.userId);
        if (told.length)
          events.push(
            this.outbox.record('pitch.assigned', {
              pitchId: pitch.id,
              groupId: groupOf(pitch),
              reviewerIds: told,
              actorId: viewer.userId,
            }),
          );
      }
      pitch.updatedAt = new Date();
      await em.flush();
      return { mails, events };
    });
    await this.mail.dispatch(mails);
    await this.outbox.publish(events);
    return this.byId(viewer, access.pitch.id);
  }

  /**
   * Claims a pitch for acceptance into a group, under the pitch's row lock: it is marked accepted
   * at once, so a withdrawal, a decline or a second acceptance arriving meanwhile is refused. The
   * caller then makes the discussion (`acceptedInto`), or hands the pitch back (`reopen`) if that fails.
   */
  async claimForAcceptance(
    viewer: Viewer,
    input: { pitchId: string; groupId: string },
  ): Promise<{ access: PitchAccess; previous: PitchStatus; groupId: string }> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    check.done();
    const access = await this.byId(viewer, input.pitchId, 'pitchId');
    // Convenors accept into the pitch's own groups that they convene; admins into any group.
    if (!access.isAdmin && !access.managedGroupIds.includes(groupId)) throw submissionsErrors.unknownGroup('groupId');
    const view = await this.groups.byId(viewer, groupId).catch(() => null);
    if (!view?.canManage) throw submissionsErrors.unknownGroup('groupId');
    if (!view.isActiveMember) throw submissionsErrors.notAMemberOfGroup();
    const previous = await this.em.transactional(async (em) => {
      const pitch = await em.findOne(Pitch, { id: access.pitch.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!pitch) throw submissionsErrors.pitchNotFound();
      if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
      const previous = pitch.status;
      this.close(pitch, PitchStatus.ACCEPTED);
      pitch.acceptedGroupId = groupId;
      await em.flush();
      return previous;
    });
    return { access, previous, groupId };
  }

  /** The discussion an accepted pitch became; the partner is told. */
  async acceptedInto(viewer: Viewer, pitchId: string, threadId: string): Promise<PitchAccess> {
    const mail = await this.em.transactional(async (em) => {
      const pitch = await em.findOneOrFail(Pitch, { id: pitchId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      pitch.threadId = threadId;
      pitch.updatedAt = new Date();
      const mail = this.statusMail(
        em,
        pitch,
        (pitch.acceptedGroupId && (await this.groups.nameOf(pitch.acceptedGroupId))) || '',
      );
      await em.flush();
      return mail;
    });
    await this.mail.dispatch([mail]);
    return this.byId(viewer, pitchId);
  }

  /** Hands back a pitch whose discussion could not be made, as it was before. */
  async reopen(pitchId: string, previous: PitchStatus): Promise<void> {
    await this.em
      .fork()
      .nativeUpdate(
        Pitch,
        { id: pitchId, status: PitchStatus.ACCEPTED, threadId: null },
        { status: previous, closedAt: null, acceptedGroupId: null, updatedAt: new Date() },
      );
  }

  /** The pitches as CSV, for the people who triage them (same visibility and filters as the board). */
  async exportCsv(viewer: Viewer, filter: PitchFilter): Promise<string> {
    const rows: Pitch[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result = await this.list(viewer, { ...filter, first: LIMITS.pitchPageMax, after });
      rows.push(...result.nodes);
      if (!result.hasNextPage) break;
      after = result.endCursor;
    }
    const names = await this.groups.referencesByIds([...new Set(rows.flatMap((p) => p.groupIds))]);
    const header = [
      'Received at',
      'Status',
      'Title',
      'Organisation',
      'Organisation type',
      'Contact',
      'Email',
      'Groups',
      'Summary',
      'Help wanted',
    ];
    const lines = rows.map((p) => [
      p.createdAt.toISOString(),
      p.status,
      p.title,
      p.organisationName,
      p.organisationType,
      p.contactName,
      p.contactEmail,
      p.notSure ? 'Not sure' : p.groupIds.map((id) => names.get(id)?.name ?? '').join('; '),
      p.summary,
      p.helpWanted,
    ]);
    return toCsv([header, ...lines]);
  }

  // ---- helpers ----

  private async accessTo(viewer: Viewer, pitch: Pitch): Promise<PitchAccess | null> {
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    const managedGroupIds = isAdmin ? pitch.groupIds : pitch.groupIds.filter((id) => groupIds.includes(id));
    if (!isAdmin && !managedGroupIds.length) return null;
    return { pitch, managedGroupIds, isAdmin };
  }

  /**
   * Who the viewer may ask to review a pitch: the convenors of its groups that the viewer convenes
   * too (all of its groups for network admins, and the admins themselves for "not sure"). Nobody
   * learns who convenes a group they don't.
   */
  async reviewerCandidateIds(access: Pick<PitchAccess, 'pitch' | 'managedGroupIds' | 'isAdmin'>): Promise<string[]> {
    const fromGroups = access.managedGroupIds.length ? await this.recipientsFor(access.managedGroupIds) : [];
    const admins = access.isAdmin && access.pitch.notSure ? await this.identity.networkAdminIds() : [];
    return [...new Set([...fromGroups, ...admins])];
  }

  /** The people whose names the viewer may see on pitches (convenors of the groups they triage; everyone for admins). */
  async namedConvenors(viewer: Viewer): Promise<(userId: string) => boolean> {
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    if (isAdmin) return () => true;
    const ids = new Set([viewer.userId, ...(await this.recipientsFor(groupIds))]);
    return (userId) => ids.has(userId);
  }

  /** Who a pitch goes to: the convenors of its groups, or the network admins when it names none. */
  private async recipientsFor(groupIds: string[]): Promise<string[]> {
    if (!groupIds.length) return this.identity.networkAdminIds();
    const all = await Promise.all(groupIds.map((id) => this.groups.convenorIds(id)));
    return [...new Set(all.flat())];
  }

  private async pitchOfToken(em: EntityManager, token: string, lock = false): Promise<Pitch> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token ?? '')) throw submissionsErrors.pitchNotFound();
    const link = await em.findOne(PitchLink, { tokenHash: sha256(token) });
    const pitch = link
      ? await em.findOne(Pitch, { id: link.pitchId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
      : null;
    if (!pitch || pitch.anonymisedAt) throw submissionsErrors.pitchNotFound();
    return pitch;
  }

  private async partnerView(pitch: Pitch): Promise<PartnerView> {
    const em = this.em.fork();
    const [messages, attachments, names] = await Promise.all([
      em.find(PitchMessage, { pitchId: pitch.id }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchAttachment, { pitchId: pitch.id }, { orderBy: { createdAt: 'asc' } }),
      this.groups.referencesByIds(pitch.groupIds),
    ]);
    return {
      pitch,
      messages,
      attachments,
      groupNames: pitch.groupIds.map((id) => names.get(id)?.name ?? '').filter(Boolean),
    };
  }

  private close(pitch: Pitch, status: PitchStatus): void {
    pitch.status = status;
    pitch.closedAt = new Date();
    pitch.updatedAt = new Date();
  }

  private statusMail(em: EntityManager, pitch: Pitch, groupName: string): MailMessage {
    const status = pitch.status as 'UNDER_REVIEW' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
    return this.mail.prepare(
      'pitch-status',
      { email: pitch.contactEmail, locale: pitch.locale },
      { title: pitch.title, status, groupName, reason: pitch.declineReason, link: this.link(em, pitch) },
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

function longText(
  check: InputCheck,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
  required: boolean,
): string {
  const text = stripControlCharacters(value ?? '').trim();
  if (required && !text) check.fail(field, `${label} is required.`);
  if (text.length > max) check.fail(field, `${label} must be at most ${max.toLocaleString('en')} characters.`);
  return text;
}

function decodeCursor(check: InputCheck, cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (typeof id === 'string' && isUuid(id) && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
  } catch {
    // Falls through to the field message.
  }
  check.fail('after', 'This cursor is not valid; start from the first page.');
  return null;
}
