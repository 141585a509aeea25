import { pipeline } from 'node:stream/promises';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { contentDisposition } from '@convene/server-documents';
import { DataExportService } from '@convene/server-privacy';
import { FILE_CONTENT_POLICY } from '../documents/documents.controller.js';

/** A person downloads their own data export (only theirs, only while it is kept). */
@Controller('api/data-exports')
export class DataExportsController {
  constructor(private readonly exports: DataExportService) {}

  @SignedIn()
  @Get(':id/download')
  async download(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const file = await this.exports.open(viewer, id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', contentDisposition('attachment', file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', FILE_CONTENT_POLICY);
    res.setHeader('Cache-Control', 'private, no-store');
    await pipeline(file.stream, res);
  }
}
