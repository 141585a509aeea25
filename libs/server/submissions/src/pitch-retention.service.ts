import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FileStorage } from '@convene/server-storage';
import { PitchAttachment } from './pitch-attachment.entity.js';

/** Keeps pitches no longer than their form promised: closed ones are anonymised after its retention period. */
@Injectable()
export class PitchRetentionService {
  private readonly logger = new Logger(PitchRetentionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Anonymises pitches closed longer ago than the retention they were sent under: their personal
   * details and text, messages, notes, links and the mail sent to the partner go in one
   * transaction; their files are then deleted (a file the storage refuses now is retried next run).
   * Returns how many pitches were anonymised.
   */
  async purgeExpired(now = new Date()): Promise<number> {
    const ids = await this.em.fork().transactional(async (em) => {
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
      // The mail sent to the partner about these pitches (its text quotes the pitch and the links).
      const addresses = [...new Set(rows.map((r) => r.contact_email).filter(Boolean))];
      if (addresses.length)
        await em.execute(`delete from mail_messages where kind like 'pitch-%' and to_address = any(?::text[])`, [
          `{${addresses.map((a) => `"${a.replace(/"/g, '')}"`).join(',')}}`,
        ]);
      return ids;
    });
    await this.deleteFilesOfAnonymised();
    if (ids.length) this.logger.log(`Anonymised ${ids.length} pitch(es) past their retention period`);
    return ids.length;
  }

  /** Deletes the files of anonymised pitches, each row only once its file is gone (so a failure is retried). */
  private async deleteFilesOfAnonymised(): Promise<void> {
    const em = this.em.fork();
    const files = await em
      .getConnection()
      .execute<{ id: string; storage_key: string }[]>(
        `select a.id, a.storage_key from pitch_attachments a join pitches p on p.id = a.pitch_id where p.anonymised_at is not null limit 1000`,
      );
    for (const file of files) {
      try {
        await this.storage.delete(file.storage_key);
        await em.nativeDelete(PitchAttachment, { id: file.id });
      } catch (error) {
        this.logger.warn(`Could not delete a pitch file yet (retried next run): ${(error as Error).message}`);
      }
    }
  }
}
