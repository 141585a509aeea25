import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiter, type Viewer } from '@convene/server-core';
import { DocumentUploadService, DocumentsService } from '@convene/server-documents';
import { FileStorage } from '@convene/server-storage';
import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchAttachmentRepository } from './pitch-attachment.repository.js';
import { PartnerPitchesService } from './partner-pitches.service.js';
import { PitchTriageService } from './pitch-triage.service.js';
import { UNCLAIMED_HOURS, sha256 } from './pitches.util.js';
import { submissionsErrors } from './submissions.errors.js';

/** How many unclaimed uploads one statement deletes. */
const PURGE_BATCH = 500;

export interface UploadedAttachment {
  id: string;
  /** Shown once: `submitPitch` attaches the upload with it. */
  claim: string;
  fileName: string;
  size: number;
  contentType: string;
}

/**
 * Files sent with pitches, under the documents' rules (size limit, type from the bytes, the
 * network's list of types, streamed to the storage). Uploaded before the pitch is submitted; the
 * upload's claim proves who may attach it.
 */
@Injectable()
export class PitchAttachmentsService {
  private readonly logger = new Logger(PitchAttachmentsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly attachments: PitchAttachmentRepository,
    private readonly uploads: DocumentUploadService,
    private readonly documents: DocumentsService,
    private readonly storage: FileStorage,
    private readonly triage: PitchTriageService,
    private readonly partnerPitches: PartnerPitchesService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async upload(
    req: Readable & { headers: IncomingHttpHeaders },
    client: { address: string },
  ): Promise<UploadedAttachment> {
    await this.rateLimiter.consume([
      { scope: 'pitch-upload:address', subject: client.address, limit: 30, windowSeconds: 3600 },
    ]);
    const file = await this.uploads.receive(req, {
      maxBytes: this.documents.maxBytes,
      allowedTypes: await this.documents.allowedTypes(),
    });
    const claim = randomBytes(24).toString('base64url');
    const em = this.em.fork();
    const attachment = em.create(PitchAttachment, {
      claimHash: sha256(claim),
      fileName: file.fileName,
      storageKey: file.storageKey,
      size: file.size,
      sha256: file.sha256,
      contentType: file.contentType,
    });
    try {
      await em.flush();
    } catch (error) {
      await this.storage.delete(file.storageKey).catch(() => undefined);
      throw error;
    }
    return { id: attachment.id, claim, fileName: file.fileName, size: file.size, contentType: file.contentType };
  }

  /** An attachment for the people who triage its pitch. */
  async forReviewer(viewer: Viewer, pitchId: string, attachmentId: string): Promise<PitchAttachment> {
    const access = await this.triage.byId(viewer, pitchId);
    return this.of(access.pitch.id, attachmentId);
  }

  /** An attachment through the partner's private link. */
  async forPartner(token: string, attachmentId: string, client: { address: string }): Promise<PitchAttachment> {
    const view = await this.partnerPitches.byToken(token, client);
    return this.of(view.pitch.id, attachmentId);
  }

  read(attachment: PitchAttachment): Promise<Readable> {
    return this.storage.read(attachment.storageKey);
  }

  /** Deletes uploads no pitch claimed within a day (rows first, so a pitch can't claim one being deleted), then their files. Returns how many. */
  async purgeUnclaimed(now = new Date()): Promise<number> {
    let removed = 0;
    for (let batch = 0; batch < 20; batch++) {
      const storageKeys = await this.attachments.deleteUnclaimed(
        new Date(now.getTime() - UNCLAIMED_HOURS * 3_600_000),
        PURGE_BATCH,
      );
      for (const storageKey of storageKeys)
        await this.storage
          .delete(storageKey)
          .catch((error: Error) => this.logger.warn(`An unclaimed upload's file stays: ${error.message}`));
      removed += storageKeys.length;
      if (storageKeys.length < PURGE_BATCH) break;
    }
    if (removed) this.logger.log(`Removed ${removed} upload(s) no pitch claimed`);
    return removed;
  }

  private async of(pitchId: string, attachmentId: string): Promise<PitchAttachment> {
    const found = /^[0-9a-f-]{36}$/i.test(attachmentId ?? '')
      ? await this.attachments.ofPitch(pitchId, attachmentId.toLowerCase())
      : null;
    if (!found) throw submissionsErrors.attachmentNotFound();
    return found;
  }
}
