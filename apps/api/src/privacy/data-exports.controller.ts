import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { sendStoredFile } from '@convene/server-storage';
import { DataExportService } from '@convene/server-privacy';

/** A person downloads their own data export (only theirs, only while it is kept). */
@Controller('api/data-exports')
export class DataExportsController {
  constructor(private readonly exports: DataExportService) {}

  @SignedIn()
  @Get(':id/download')
  async download(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const file = await this.exports.open(viewer, id);
    await sendStoredFile(res, {
      body: file.stream,
      contentType: 'application/zip',
      fileName: file.fileName,
      size: file.size,
    });
  }
}
