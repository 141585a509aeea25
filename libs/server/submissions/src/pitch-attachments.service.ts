import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiter, type Viewer } from '@convene/server-core';
import { DocumentUploadService, DocumentsService, FileStorage } from '@convene/server-documents';
import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchesService } from './pitches.service.js';
import { submissionsErrors } from './submissions.errors.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** How long an upload waits to be attached by a submitted pitch. */
const UNCLAIMED_HOURS = 24;

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
    private readonly uploads: DocumentUploadService,
    private readonly documents: DocumentsService,
    private readonly storage: FileStorage,
    private readonly pitches: PitchesService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async upload(req: Readable & { headers: IncomingHttpHeaders }, client: { address: string }): Promise<UploadedAttachment> {
    await this.rateLimiter.consume([{ scope: 'pitch-upload:address', subject: client.address, limit: 30, windowSeconds: 3600 }]);
    const file = await this.uploads.receive(req, { maxBytes: this.documents.maxBytes, allowedTypes: await this.documents.allowedTypes() });
    const claim = randomBytes(24).toString('base64url');
    const em = this.em.fork();
    const attachment = em.create(PitchAttachment, { claimHash: sha256(claim), fileName: file.fileName, storageKey: file.storageKey, size: file.size, sha256: file.sha256, contentType: file.contentType });
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
    const access = await this.pitches.byId(viewer, pitchId);
    return this.of(access.pitch.id, attachmentId);
  }

  /** An attachment through the partner's private link. */
  async forPartner(token: string, attachmentId: string, client: { address: string }): Promise<PitchAttachment> {
    const view = await this.pitches.byToken(token, client);
    return this.of(view.pitch.id, attachmentId);
  }

  read(attachment: PitchAttachment): Promise<Readable> {
    return this.storage.read(attachment.storageKey);
  }

  /** Deletes uploads no pitch claimed within a day (and their files). Returns how many. */
  async purgeUnclaimed(now = new Date()): Promise<number> {
    const em = this.em.fork();
    const stale = await em.find(PitchAttachment, { pitchId: null, createdAt: { $lt: new Date(now.getTime() - UNCLAIMED_HOURS * 3_600_000) } }, { limit: 500 });
    for (const file of stale) await this.storage.delete(file.storageKey).catch(() => undefined);
    if (stale.length) {
      await em.nativeDelete(PitchAttachment, { id: { $in: stale.map((f) => f.id) } });
      this.logger.log(`Removed ${stale.length} upload(s) no pitch claimed`);
    }
    return stale.length;
  }

  private async of(pitchId: string, attachmentId: string): Promise<PitchAttachment> {
    const found = /^[0-9a-f-]{36}$/i.test(attachmentId ?? '') ? await this.em.fork().findOne(PitchAttachment, { id: attachmentId.toLowerCase(), pitchId }) : null;
    if (!found) throw submissionsErrors.attachmentNotFound();
    return found;
  }
}
