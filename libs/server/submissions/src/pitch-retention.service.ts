import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FileStorage } from '@convene/server-storage';
import { PitchAttachmentRepository } from './pitch-attachment.repository.js';
import { PitchRepository } from './pitch.repository.js';

/** Keeps pitches no longer than their form promised: closed ones are anonymised after its retention period. */
@Injectable()
export class PitchRetentionService {
  private readonly logger = new Logger(PitchRetentionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly pitches: PitchRepository,
    private readonly attachments: PitchAttachmentRepository,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Anonymises pitches closed longer ago than the retention they were sent under: their personal
   * details and text, messages, notes, links and the mail sent to the partner go in one
   * transaction; their files are then deleted (a file the storage refuses now is retried next run).
   * Returns how many pitches were anonymised.
   */
  async purgeExpired(now = new Date()): Promise<number> {
    const ids = await this.em.fork().transactional((em) => this.pitches.anonymiseExpired(em, now));
    await this.deleteFilesOfAnonymised();
    if (ids.length) this.logger.log(`Anonymised ${ids.length} pitch(es) past their retention period`);
    return ids.length;
  }

  /** Deletes the files of anonymised pitches, each row only once its file is gone (so a failure is retried). */
  private async deleteFilesOfAnonymised(): Promise<void> {
    const files = await this.pitches.filesOfAnonymised(1000);
    for (const file of files) {
      try {
        await this.storage.delete(file.storageKey);
        await this.attachments.deleteById(file.id);
      } catch (error) {
        this.logger.warn(`Could not delete a pitch file yet (retried next run): ${(error as Error).message}`);
      }
    }
  }
}
