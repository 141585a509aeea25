// File bytes travel over REST, never through GraphQL: uploads are streamed from the multipart body
// to the storage, downloads from the storage to the response, with byte ranges. Every request is
// authorized against the document's group; another group's document is "not found".
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import {
  DocumentUploadService,
  DocumentsService,
  KIND_TYPES,
  documentsErrors,
  previewKindOf,
  type Document,
  type DocumentVersion,
} from '@convene/server-documents';
import { FileStorage, parseRange, sendStoredFile } from '@convene/server-storage';
import type { ApiRequest } from '../http/request-context.js';

/** Types a browser may show inline: raster images, PDF (read by the viewer's script) and plain text. */
const INLINE = new Set(['IMAGE', 'PDF', 'TEXT']);
const KNOWN = new Set(Object.values(KIND_TYPES).flat());

/** What an upload answers. */
interface UploadedJson {
  document: { id: string; title: string; contentType: string; size: number; versionCount: number };
  version: { number: number; fileName: string; size: number; sha256: string; contentType: string };
}

@SignedIn()
@Controller('api')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly uploads: DocumentUploadService,
    private readonly storage: FileStorage,
  ) {}

  /** Shares a new document in a group: one file per request, multipart/form-data, field name free. */
  @Post('groups/:groupId/documents')
  @HttpCode(201)
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Param('groupId') groupId: string,
    @Query('folderId') folderId: unknown,
    @Req() req: ApiRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedJson> {
    return this.closingOnError(req, res, async () => {
      requireAppHeader(req);
      const target = await this.documents.uploadTarget(viewer, groupId, folderId);
      const file = await this.uploads.receive(req, {
        maxBytes: this.documents.maxBytes,
        allowedTypes: await this.documents.allowedTypes(),
      });
      const document = await this.documents.create(viewer, target.view, target.folderId, file);
      return uploaded(document, { number: 1, ...file });
    });
  }

  /** Uploads a new version of a document; it becomes the current one. */
  @Post('documents/:id/versions')
  @HttpCode(201)
  async uploadVersion(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Req() req: ApiRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedJson> {
    return this.closingOnError(req, res, async () => {
      requireAppHeader(req);
      const target = await this.documents.versionTarget(viewer, id);
      const file = await this.uploads.receive(req, {
        maxBytes: this.documents.maxBytes,
        allowedTypes: await this.documents.allowedTypes(),
      });
      const { document, version } = await this.documents.addVersion(viewer, target.document.id, file);
      return uploaded(document, version);
    });
  }

  /**
   * The bytes of a document's current version, or of `?version=N`. `?disposition=inline` lets the
   * browser show images, PDFs and text in place; everything else is always an attachment.
   */
  @Get('documents/:id/content')
  async content(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query('version') versionParam: string | undefined,
    @Query('disposition') disposition: string | undefined,
    @Req() req: ApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    const access = await this.documents.byId(viewer, id);
    const number = versionParam === undefined ? null : /^\d{1,9}$/.test(versionParam) ? Number(versionParam) : -1;
    const version = await this.documents.version(access, number);
    const etag = `"${version.sha256}"`;
    const type = KNOWN.has(version.contentType) ? version.contentType : 'application/octet-stream';
    const inline = disposition === 'inline' && INLINE.has(previewKindOf(type));
    const matches = (header: string | string[] | undefined) =>
      typeof header === 'string' && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
    if (matches(req.headers['if-none-match'])) {
      res.setHeader('ETag', etag);
      res.status(304).end();
      return;
    }
    // A resumed download of an older current version gets the whole new one, never a mix of both.
    const ifRange = req.headers['if-range'];
    const rangeHeader =
      typeof req.headers.range === 'string' && (ifRange === undefined || ifRange === etag)
        ? req.headers.range
        : undefined;
    const range = parseRange(rangeHeader, version.size);
    if (range.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${version.size}`);
      throw documentsErrors.rangeNotSatisfiable();
    }
    // The file's headers only once its bytes are there: an error must not be saved as the file.
    const body = await this.storage.read(version.storageKey, range.kind === 'range' ? range : undefined);
    await sendStoredFile(res, {
      body,
      contentType: type.startsWith('text/') ? `${inline ? 'text/plain' : type}; charset=utf-8` : type,
      fileName: version.fileName,
      size: version.size,
      disposition: inline ? 'inline' : 'attachment',
      cacheControl: 'private, no-cache',
      etag,
      range: range.kind === 'range' ? range : undefined,
      headOnly: req.method === 'HEAD',
    });
  }

  /**
   * A refused upload is answered at once and the connection closed, so a client sending a large
   * body is not made to send the rest of it.
   */
  private async closingOnError<T>(req: ApiRequest, res: Response, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      closeRefusedUpload(req, res);
      throw error;
    }
  }
}

/** The most of a refused upload's body left to Node to read and discard rather than closing. */
const SMALL_UNREAD_BODY = 1024 * 1024;

/**
 * A refused upload ends its connection when part of the body was read or much of it is still to
 * come (so an unwanted file is not read to its end); a small unread body is left for Node to
 * discard, so the sender, still writing, gets the answer instead of a broken pipe.
 */
export function closeRefusedUpload(req: ApiRequest, res: Response): void {
  const length = Number(req.headers['content-length']);
  if (req.readableDidRead || !(length <= SMALL_UNREAD_BODY)) res.setHeader('Connection', 'close');
}

/** Uploads must carry this header: a cross-site form can't set it without a CORS preflight we never allow. */
export function requireAppHeader(req: ApiRequest): void {
  if (!req.headers['x-requested-with']) throw documentsErrors.uploadHeaderMissing();
}

function uploaded(
  document: Document,
  version: Pick<DocumentVersion, 'number' | 'fileName' | 'size' | 'sha256' | 'contentType'>,
): UploadedJson {
  return {
    document: {
      id: document.id,
      title: document.title,
      contentType: document.contentType,
      size: document.size,
      versionCount: document.versionCount,
    },
    version: {
      number: version.number,
      fileName: version.fileName,
      size: version.size,
      sha256: version.sha256,
      contentType: version.contentType,
    },
  };
}
