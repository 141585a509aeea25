import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AuditAction, DataExportStatus } from '@convene/shared-contracts';
import {
  APP_CONFIG,
  AuditLog,
  JobQueue,
  PersonalDataRegistry,
  RateLimiter,
  isUuid,
  jobIds,
  type AppConfig,
  type DataSubject,
  type Viewer,
} from '@convene/server-core';
import { FileStorage, newStorageKey } from '@convene/server-storage';
import { IdentityService } from '@convene/server-identity';
import { MailService } from '@convene/server-mail';
import { DataExport } from './data-export.entity.js';
import { privacyErrors } from './privacy.errors.js';

const KEEP_DAYS = 7;
/** A pending export older than this lost its job (Redis was down): the purge enqueues it again. */
const STUCK_MS = 10 * 60_000;

const README = `Your data from Convene
=====================

Each .json file is one part of what the network keeps linked to you:
account.json (your profile, sessions and the security events about your account),
memberships.json, posts.json (threads you started, your posts and reactions),
documents.json (the versions you uploaded; their files are in documents/),
meetings.json (your answers to meetings and polls, your event registrations),
notifications.json (what you were told, and your notification settings),
mail.json (the emails sent to you).
`;

/** Exports of a person's data: asked for in the API, written by the worker, downloaded for 7 days. */
@Injectable()
export class DataExportService {
  private readonly logger = new Logger(DataExportService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly registry: PersonalDataRegistry,
    private readonly storage: FileStorage,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The viewer's exports, newest first (expired ones are gone). */
  list(viewer: Viewer): Promise<DataExport[]> {
    return this.em.fork().find(DataExport, { userId: viewer.userId }, { orderBy: { createdAt: 'desc' }, limit: 10 });
  }

  async request(viewer: Viewer): Promise<DataExport> {
    await this.rateLimiter.consume([
      { scope: 'data-export:account', subject: viewer.userId, limit: 5, windowSeconds: 24 * 3600 },
    ]);
    const em = this.em.fork();
    const created = await em.transactional(async (tx) => {
      // One at a time: the lock on the person's row orders two requests made at once.
      await tx.execute('select id from users where id = ? for update', [viewer.userId]);
      if (await tx.count(DataExport, { userId: viewer.userId, status: DataExportStatus.PENDING }))
        throw privacyErrors.exportInProgress();
      const row = tx.create(DataExport, { userId: viewer.userId });
      this.audit.record(tx, { action: AuditAction.DATA_EXPORT_REQUESTED, actorId: viewer.userId });
      return row;
    });
    await this.jobs.addAfterCommit(
      'build-data-export',
      { exportId: created.id },
      { jobId: jobIds.dataExport(created.id) },
    );
    return created;
  }

  /** Writes the zip (worker). Idempotent: an export that is no longer pending is left alone. */
  async build(exportId: string): Promise<void> {
    const em = this.em.fork();
    const row = await em.findOne(DataExport, { id: exportId });
    if (!row || row.status !== DataExportStatus.PENDING) return;
    const user = (await this.identity.usersByIds([row.userId])).get(row.userId);
    if (!user) {
      await em.nativeDelete(DataExport, { id: row.id });
      return;
    }
    const person: DataSubject = { id: user.id, email: user.email, displayName: user.displayName };
    const key = newStorageKey();
    const size = await this.writeZip(em, person, key);
    const expiresAt = new Date(Date.now() + KEEP_DAYS * 86_400_000);
    // Finished only if still wanted: the account may have been deleted meanwhile (the row is gone),
    // or a second job for the same export finished first. Either way this archive goes.
    const mail = await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        DataExport,
        { id: row.id, status: DataExportStatus.PENDING },
        { status: DataExportStatus.READY, readyAt: new Date(), expiresAt, size, storageKey: key },
      );
      if (claimed !== 1) return null;
      return this.mail.prepare(
        'data-export-ready',
        { email: user.email, locale: user.locale },
        { link: `${this.config.publicUrl}/settings/security`, expiresOn: expiresAt.toISOString().slice(0, 10) },
        tx,
      );
    });
    if (!mail) {
      await this.storage.delete(key);
      return;
    }
    await this.mail.dispatch([mail]);
  }

  /** The zip of one of the viewer's own ready exports. */
  async open(viewer: Viewer, exportId: string): Promise<{ stream: Readable; size: number; fileName: string }> {
    const row = isUuid(exportId)
      ? await this.em
          .fork()
          .findOne(DataExport, { id: exportId, userId: viewer.userId, status: DataExportStatus.READY })
      : null;
    if (!row?.storageKey || !row.expiresAt || row.expiresAt.getTime() <= Date.now())
      throw privacyErrors.exportNotFound();
    const stream = await this.storage.read(row.storageKey);
    await this.audit.recordNow({ action: AuditAction.DATA_EXPORT_DOWNLOADED, actorId: viewer.userId });
    return { stream, size: row.size ?? 0, fileName: `convene-data-${row.createdAt.toISOString().slice(0, 10)}.zip` };
  }

  /** Deletes expired exports (file first, then row), and re-enqueues pending ones whose job was lost. */
  async purge(): Promise<number> {
    const em = this.em.fork();
    const expired = await em.find(DataExport, {
      $or: [
        { expiresAt: { $lt: new Date() } },
        { status: DataExportStatus.FAILED, createdAt: { $lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
      ],
    });
    for (const row of expired) {
      if (row.storageKey) await this.storage.delete(row.storageKey);
      await em.nativeDelete(DataExport, { id: row.id });
    }
    // A day of retries is enough: the person sees it failed and can ask again.
    await em.nativeUpdate(
      DataExport,
      { status: DataExportStatus.PENDING, createdAt: { $lt: new Date(Date.now() - 86_400_000) } },
      { status: DataExportStatus.FAILED },
    );
    const stuck = await em.find(DataExport, {
      status: DataExportStatus.PENDING,
      createdAt: { $lt: new Date(Date.now() - STUCK_MS) },
    });
    for (const row of stuck)
      await this.jobs.add(
        'build-data-export',
        { exportId: row.id },
        { jobId: `${jobIds.dataExport(row.id)}-${Date.now()}` },
      );
    return expired.length;
  }

  /** Deletes every export of a person and its file (account deletion). */
  async eraseFor(em: EntityManager, userId: string): Promise<string[]> {
    const rows = await em.find(DataExport, { userId });
    await em.nativeDelete(DataExport, { userId });
    return rows.map((r) => r.storageKey).filter((k): k is string => !!k);
  }

  async deleteFiles(keys: string[]): Promise<void> {
    for (const key of keys)
      await this.storage
        .delete(key)
        .catch((error: Error) => this.logger.warn(`Export file not deleted (retried by nobody): ${error.message}`));
  }

  /** Streams the archive into the storage as it is made; answers its size. */
  private async writeZip(em: EntityManager, person: DataSubject, key: string): Promise<number> {
    const out = new PassThrough();
    let size = 0;
    let failed: Error | null = null;
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failed = error;
        out.destroy(error);
        return;
      }
      size += chunk.length;
      out.write(chunk);
      if (final) out.end();
    });
    const written = this.storage.write(key, out, { contentType: 'application/zip' });
    // A storage failure ends the export at the next step, never as an unhandled rejection.
    let storageFailed: Error | null = null;
    const settled = written.then(
      () => undefined,
      (error: Error) => {
        storageFailed = error;
      },
    );
    const addText = (path: string, text: string) => {
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      entry.push(new TextEncoder().encode(text), true);
    };
    try {
      addText('README.txt', README);
      for (const source of this.registry.sources()) {
        const part = await source.collect(em, person);
        addText(`${source.name}.json`, `${JSON.stringify(part.records, null, 2)}\n`);
        for (const file of part.files ?? []) {
          const entry = new ZipPassThrough(file.path);
          zip.add(entry);
          const stream = await file.open();
          for await (const chunk of stream) {
            // Waits while the storage is behind, so a large file is never held in memory whole;
            // and stops waiting if the storage gives up.
            if (out.writableNeedDrain) await Promise.race([once(out, 'drain').catch(() => undefined), settled]);
            if (storageFailed) throw storageFailed;
            entry.push(chunk as Uint8Array);
          }
          entry.push(new Uint8Array(0), true);
        }
      }
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
      await settled;
      await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
    await written;
    if (failed) throw failed;
    return size;
  }
}
