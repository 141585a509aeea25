// Pitch files over REST: the public upload before a pitch is submitted, downloads for the people who
// triage the pitch and through the partner's private link, and the CSV of pitches.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { PitchStatus } from '@convene/shared-contracts';
import { contentDisposition, sendStoredFile } from '@convene/server-storage';
import {
  PitchAttachmentsService,
  PitchTriageService,
  type PitchAttachment,
  type UploadedAttachment,
} from '@convene/server-submissions';
import { clientInfo, type ApiRequest } from '../http/request-context.js';
import { closeRefusedUpload, requireAppHeader } from '../documents/documents.controller.js';

@Controller('api')
export class PitchesController {
  constructor(
    private readonly attachments: PitchAttachmentsService,
    private readonly triage: PitchTriageService,
  ) {}

  /** One file, multipart/form-data, before the pitch is submitted; answers the id and claim `submitPitch` takes. */
  @Public()
  @Post('pitch-attachments')
  @HttpCode(201)
  async upload(@Req() req: ApiRequest, @Res({ passthrough: true }) res: Response): Promise<UploadedAttachment> {
    try {
      requireAppHeader(req);
      return await this.attachments.upload(req, clientInfo(req));
    } catch (error) {
      closeRefusedUpload(req, res);
      throw error;
    }
  }

  @SignedIn()
  @Get('pitches/:id/attachments/:attachmentId')
  async forReviewer(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, await this.attachments.forReviewer(viewer, id, attachmentId));
  }

  @Public()
  @Get('pitch-links/:token/attachments/:attachmentId')
  async forPartner(
    @Param('token') token: string,
    @Param('attachmentId') attachmentId: string,
    @Req() req: ApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(res, await this.attachments.forPartner(token, attachmentId, clientInfo(req)));
  }

  @SignedIn()
  @Get('pitches.csv')
  async csv(
    @CurrentViewer() viewer: Viewer,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // The board's filters; anything but one plain value each is refused by the service's checks.
    const one = (name: string) =>
      typeof query[name] === 'string' ? (query[name] as string) : query[name] === undefined ? null : '(several values)';
    const date = (name: string) => {
      const value = one(name);
      return value ? new Date(value) : null;
    };
    const csv = await this.triage.exportCsv(viewer, {
      status: one('status') as PitchStatus | null,
      groupId: one('groupId'),
      formId: one('formId'),
      from: date('from'),
      to: date('to'),
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition('attachment', 'pitches.csv'));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A byte-order mark, so that spreadsheets read the names as UTF-8.
    res.send(`\uFEFF${csv}`);
  }

  /** Always an attachment, never shown inline: the file comes from outside the network. */
  private async send(res: Response, file: PitchAttachment): Promise<void> {
    const body = await this.attachments.read(file);
    await sendStoredFile(res, { body, contentType: file.contentType, fileName: file.fileName, size: file.size });
  }
}
