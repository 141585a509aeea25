import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InputCheck, toCsv, OutboxService, isUuid, type Viewer } from '@convene/server-core';
import { LIMITS, NetworkRole, PitchMessageAuthor, PitchStatus } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { MailService, type MailMessage } from '@convene/server-mail';
import { PitchMailService } from './pitch-mail.service.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { PitchRecipientsService } from './pitch-recipients.service.js';
import { PitchReviewer } from './pitch-reviewer.entity.js';
import type { Pitch } from './pitch.entity.js';
import { PitchRepository, type PitchDetails } from './pitch.repository.js';
import { CLOSED, closePitch, groupOf, longText } from './pitches.util.js';
import { submissionsErrors } from './submissions.errors.js';

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

/**
 * What convenors do with the pitches partners send: the convenors of the groups a pitch names
 * triage it (network admins see all, and those that name none) — the board, review steps
 * (status, notes, reviewers, messages to the partner), acceptance and the CSV. The partner's side
 * is PartnerPitchesService.
 */
@Injectable()
export class PitchTriageService {
  constructor(
    private readonly em: EntityManager,
    private readonly pitches: PitchRepository,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly recipients: PitchRecipientsService,
    private readonly partnerMail: PitchMailService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
  ) {}

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
    const nodes = await this.pitches.page(
      {
        visibleGroupIds: isAdmin ? null : groupIds,
        groupId,
        formId,
        status: filter.status ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
        after,
      },
      first + 1,
    );
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

  /**
   * The newest pitches sent from these addresses that the viewer triages (e.g. by the confirmed
   * people of a partner organisation); none for people who triage none.
   */
  async fromAddresses(viewer: Viewer, emails: string[], first = 50): Promise<Pitch[]> {
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    if ((!isAdmin && !groupIds.length) || !emails.length) return [];
    return this.pitches.page(
      {
        visibleGroupIds: isAdmin ? null : groupIds,
        groupId: null,
        formId: null,
        contactEmails: [...new Set(emails.map((e) => e.toLowerCase()))],
        status: null,
        from: null,
        to: null,
        after: null,
      },
      Math.min(Math.max(first, 1), LIMITS.pitchPageMax),
    );
  }

  async byId(viewer: Viewer, id: string, field = 'id'): Promise<PitchAccess> {
    const check = new InputCheck();
    const pitchId = check.uuid(field, id, 'Pitch');
    check.done();
    const pitch = await this.pitches.byId(pitchId);
    if (!pitch || pitch.anonymisedAt) throw submissionsErrors.pitchNotFound();
    const access = await this.accessTo(viewer, pitch);
    if (!access) throw submissionsErrors.pitchNotFound();
    return access;
  }

  /** Messages, notes, reviewers and attachments of some pitches, in four queries. */
  details(pitchIds: string[]): Promise<PitchDetails> {
    return this.pitches.detailsOf(pitchIds);
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
      const pitch = await this.pitches.lockedByIdOrFail(em, access.pitch.id);
      const mails: MailMessage[] = [];
      const events = [];
      if (input.status && input.status !== pitch.status) {
        if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
        if (input.status === PitchStatus.DECLINED) {
          closePitch(pitch, PitchStatus.DECLINED);
          pitch.declineReason = reason;
        } else pitch.status = input.status;
        if (pitch.status !== PitchStatus.RECEIVED) mails.push(this.partnerMail.statusChanged(em, pitch, ''));
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
        mails.push(this.partnerMail.message(em, pitch, message));
      }
      if (reviewerIds) {
        const current = await this.pitches.reviewersOf(em, pitch.id);
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
    this.groups.assertWritable(view);
    const previous = await this.em.transactional(async (em) => {
      const pitch = await this.pitches.lockedById(em, access.pitch.id);
      if (!pitch) throw submissionsErrors.pitchNotFound();
      if (CLOSED.includes(pitch.status)) throw submissionsErrors.pitchClosed();
      const previous = pitch.status;
      closePitch(pitch, PitchStatus.ACCEPTED);
      pitch.acceptedGroupId = groupId;
      await em.flush();
      return previous;
    });
    return { access, previous, groupId };
  }

  /** The discussion an accepted pitch became; the partner is told. */
  async acceptedInto(viewer: Viewer, pitchId: string, threadId: string): Promise<PitchAccess> {
    const mail = await this.em.transactional(async (em) => {
      const pitch = await this.pitches.lockedByIdOrFail(em, pitchId);
      pitch.threadId = threadId;
      pitch.updatedAt = new Date();
      const mail = this.partnerMail.statusChanged(
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
    await this.pitches.reopenAccepted(pitchId, previous);
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

  /**
   * Who the viewer may ask to review a pitch: the convenors of its groups that the viewer convenes
   * too (all of its groups for network admins, and the admins themselves for "not sure"). Nobody
   * learns who convenes a group they don't.
   */
  async reviewerCandidateIds(access: Pick<PitchAccess, 'pitch' | 'managedGroupIds' | 'isAdmin'>): Promise<string[]> {
    const fromGroups = access.managedGroupIds.length ? await this.recipients.of(access.managedGroupIds) : [];
    const admins = access.isAdmin && access.pitch.notSure ? await this.identity.networkAdminIds() : [];
    return [...new Set([...fromGroups, ...admins])];
  }

  /** The people whose names the viewer may see on pitches (convenors of the groups they triage; everyone for admins). */
  async namedConvenors(viewer: Viewer): Promise<(userId: string) => boolean> {
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    if (isAdmin) return () => true;
    const ids = new Set([viewer.userId, ...(await this.recipients.of(groupIds))]);
    return (userId) => ids.has(userId);
  }

  private async accessTo(viewer: Viewer, pitch: Pitch): Promise<PitchAccess | null> {
    const { isAdmin, groupIds } = await this.triagedGroupIds(viewer);
    const managedGroupIds = isAdmin ? pitch.groupIds : pitch.groupIds.filter((id) => groupIds.includes(id));
    if (!isAdmin && !managedGroupIds.length) return null;
    return { pitch, managedGroupIds, isAdmin };
  }
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
