import { EntityRepository, LockMode, type EntityManager, type SqlEntityManager } from '@mikro-orm/postgresql';
import { PitchStatus } from '@convene/shared-contracts';
import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchLink } from './pitch-link.entity.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { PitchReviewer } from './pitch-reviewer.entity.js';
import type { Pitch } from './pitch.entity.js';

/** Messages, notes, reviewers and attachments of some pitches, each oldest first. */
export interface PitchDetails {
  messages: PitchMessage[];
  notes: PitchNote[];
  reviewers: PitchReviewer[];
  attachments: PitchAttachment[];
}

/** What a page of the board asks for, already checked. */
export interface PitchPageCriteria {
  /** The groups whose pitches may be seen; null for every pitch (network admins). */
  visibleGroupIds: string[] | null;
  groupId: string | null;
  formId: string | null;
  /** Only pitches sent from these addresses (lower-cased), when given. */
  contactEmails?: string[] | null;
  status: PitchStatus | null;
  from: Date | null;
  to: Date | null;
  /** The last pitch of the page before. */
  after: { createdAt: Date; id: string } | null;
}

/**
 * Pitches and what hangs off them (their form, private links, messages, notes, reviewers and
 * attachments). A method that takes `em` reads in the caller's unit of work (its transaction and
 * locks); the others read in a fresh one, so nothing they load lingers in a request's identity map.
 */
export class PitchRepository extends EntityRepository<Pitch> {
  /** A pitch by id. */
  byId(id: string): Promise<Pitch | null> {
    return this.fresh().findOne(this.entityName, { id });
  }

  /** A pitch, locked for update until the caller's transaction ends; null when there is none. */
  lockedById(em: EntityManager, id: string): Promise<Pitch | null> {
    return em.findOne(this.entityName, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** A pitch, locked for update until the caller's transaction ends; MikroORM's NotFoundError when there is none. */
  lockedByIdOrFail(em: EntityManager, id: string): Promise<Pitch> {
    return em.findOneOrFail(this.entityName, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The pitch behind a private link, by the hash of its token (locked for update if asked). */
  async byLinkHash(em: EntityManager, tokenHash: string, lock: boolean): Promise<Pitch | null> {
    const link = await em.findOne(PitchLink, { tokenHash });
    return link
      ? em.findOne(this.entityName, { id: link.pitchId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
      : null;
  }

  /**
   * One page of pitches, newest first (created at, then id), at most `limit` of them: those not
   * anonymised that meet the criteria. Ids in one statement, then the pitches in one more.
   */
  async page(criteria: PitchPageCriteria, limit: number): Promise<Pitch[]> {
    const params: unknown[] = [];
    const where: string[] = ['p.anonymised_at is null'];
    if (criteria.visibleGroupIds) {
      where.push(`p.group_ids && ?::uuid[]`);
      params.push(`{${criteria.visibleGroupIds.join(',')}}`);
    }
    if (criteria.groupId) {
      where.push(`? = any(p.group_ids)`);
      params.push(criteria.groupId);
    }
    if (criteria.formId) {
      where.push('p.form_id = ?');
      params.push(criteria.formId);
    }
    if (criteria.contactEmails) {
      where.push('lower(p.contact_email) = any(?::text[])');
      params.push(`{${criteria.contactEmails.map((e) => JSON.stringify(e)).join(',')}}`);
    }
    if (criteria.status) {
      where.push('p.status = ?');
      params.push(criteria.status);
    }
    if (criteria.from) {
      where.push('p.created_at >= ?');
      params.push(criteria.from);
    }
    if (criteria.to) {
      where.push('p.created_at < ?');
      params.push(criteria.to);
    }
    if (criteria.after) {
      where.push('(p.created_at, p.id) < (?, ?)');
      params.push(criteria.after.createdAt, criteria.after.id);
    }
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string }[]>(
        `select p.id from pitches p where ${where.join(' and ')} order by p.created_at desc, p.id desc limit ${limit}`,
        params,
      );
    const found = rows.length ? await this.fresh().find(this.entityName, { id: { $in: rows.map((r) => r.id) } }) : [];
    const byId = new Map(found.map((p) => [p.id, p]));
    return rows.map((r) => byId.get(r.id)).filter((p): p is Pitch => !!p);
  }

  /** Messages, notes, reviewers and attachments of some pitches, in four queries. */
  async detailsOf(pitchIds: string[]): Promise<PitchDetails> {
    if (!pitchIds.length) return { messages: [], notes: [], reviewers: [], attachments: [] };
    const em = this.fresh();
    const [messages, notes, reviewers, attachments] = await Promise.all([
      em.find(PitchMessage, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchNote, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchReviewer, { pitchId: { $in: pitchIds } }, { orderBy: { assignedAt: 'asc' } }),
      em.find(PitchAttachment, { pitchId: { $in: pitchIds } }, { orderBy: { createdAt: 'asc' } }),
    ]);
    return { messages, notes, reviewers, attachments };
  }

  /** The messages and attachments of one pitch, oldest first (what its partner may see of it). */
  async messagesAndAttachmentsOf(pitchId: string): Promise<Pick<PitchDetails, 'messages' | 'attachments'>> {
    const em = this.fresh();
    const [messages, attachments] = await Promise.all([
      em.find(PitchMessage, { pitchId }, { orderBy: { createdAt: 'asc' } }),
      em.find(PitchAttachment, { pitchId }, { orderBy: { createdAt: 'asc' } }),
    ]);
    return { messages, attachments };
  }

  /** The reviewers of one pitch, in the caller's unit of work (to change them there). */
  reviewersOf(em: EntityManager, pitchId: string): Promise<PitchReviewer[]> {
    return em.find(PitchReviewer, { pitchId });
  }

  /** Uploads no pitch has claimed yet, among some ids, made after a time; locked for update until the caller's transaction ends. */
  unclaimedUploadsForUpdate(em: EntityManager, ids: string[], uploadedAfter: Date): Promise<PitchAttachment[]> {
    return em.find(
      PitchAttachment,
      { id: { $in: ids }, pitchId: null, createdAt: { $gt: uploadedAfter } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }

  /**
   * Puts an accepted pitch that has no discussion yet back in a status it was in before, open again
   * and in no group. Returns how many pitches changed (none if it has a discussion, or is no longer accepted).
   */
  reopenAccepted(pitchId: string, status: PitchStatus): Promise<number> {
    return this.fresh().nativeUpdate(
      this.entityName,
      { id: pitchId, status: PitchStatus.ACCEPTED, threadId: null },
      { status, closedAt: null, acceptedGroupId: null, updatedAt: new Date() },
    );
  }

  /**
   * Anonymises the pitches closed longer ago than the retention they were sent under, in the
   * caller's transaction: locks them, blanks their personal details and text, deletes their
   * messages, notes, links and reviewers, and the mail sent to their partners (its text quotes the
   * pitch and the links). Returns their ids; their files are left for `filesOfAnonymised`.
   */
  async anonymiseExpired(em: EntityManager, now: Date): Promise<string[]> {
    const rows = await em.execute<{ id: string; contact_email: string }[]>(
      `select id, contact_email from pitches where anonymised_at is null and closed_at is not null and closed_at + make_interval(days => retention_days) < ? for update`,
      [now],
    );
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const list = `{${ids.join(',')}}`;
    await em.execute(
      `update pitches set organisation_name = 'Removed', contact_name = 'Removed', contact_email = '', title = 'Removed', summary = '', help_wanted = '', decline_reason = '', answers = '{}', anonymised_at = ?, updated_at = ? where id = any(?::uuid[])`,
      [now, now, list],
    );
    for (const table of ['pitch_messages', 'pitch_notes', 'pitch_links', 'pitch_reviewers'])
      await em.execute(`delete from ${table} where pitch_id = any(?::uuid[])`, [list]);
    const addresses = [...new Set(rows.map((r) => r.contact_email).filter(Boolean))];
    if (addresses.length)
      await em.execute(`delete from mail_messages where kind like 'pitch-%' and to_address = any(?::text[])`, [
        `{${addresses.map((a) => `"${a.replace(/"/g, '')}"`).join(',')}}`,
      ]);
    return ids;
  }

  /** At most `limit` files of anonymised pitches, still to delete (attachment id and storage key). */
  async filesOfAnonymised(limit: number): Promise<{ id: string; storageKey: string }[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; storage_key: string }[]>(
        `select a.id, a.storage_key from pitch_attachments a join pitches p on p.id = a.pitch_id where p.anonymised_at is not null limit ${limit}`,
      );
    return rows.map((row) => ({ id: row.id, storageKey: row.storage_key }));
  }

  private fresh(): SqlEntityManager {
    return this.getEntityManager().fork();
  }
}
