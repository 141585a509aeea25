import { EntityRepository, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { PitchAttachment } from './pitch-attachment.entity.js';

/**
 * Files sent with pitches. Each method works in a fresh unit of work, so nothing it loads lingers
 * in a request's identity map. (Claiming uploads while a pitch is submitted, and the files of
 * anonymised pitches, are read through PitchRepository.)
 */
export class PitchAttachmentRepository extends EntityRepository<PitchAttachment> {
  /** An attachment of one pitch; null when the pitch has no attachment with that id. */
  ofPitch(pitchId: string, id: string): Promise<PitchAttachment | null> {
    return this.fresh().findOne(this.entityName, { id, pitchId });
  }

  /**
   * Deletes at most `limit` uploads no pitch has claimed, made before a time, in one statement
   * (rows another transaction holds are skipped: a pitch may be claiming them). Returns the storage
   * keys of their files, which the caller deletes.
   */
  async deleteUnclaimed(createdBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ storage_key: string }[]>(
        `delete from pitch_attachments where id in (select id from pitch_attachments where pitch_id is null and created_at < ? limit ${limit} for update skip locked) returning storage_key`,
        [createdBefore],
      );
    return rows.map((row) => row.storage_key);
  }

  /** Deletes one attachment's row (its file is the caller's). */
  async deleteById(id: string): Promise<void> {
    await this.fresh().nativeDelete(this.entityName, { id });
  }

  private fresh(): SqlEntityManager {
    return this.getEntityManager().fork();
  }
}
