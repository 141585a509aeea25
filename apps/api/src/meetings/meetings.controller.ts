// Calendar files over REST: one meeting's .ics for its group's members, each person's secret feed
// (the token in the address is the only credential: calendar apps send no cookie), and the CSV of
// an event's registrations for its organisers.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Public, RateLimiter, SignedIn, type Viewer } from '@convene/server-core';
import {
  EventRegistrationsService,
  MeetingCalendarService,
  icsFileName,
  meetingsErrors,
} from '@convene/server-meetings';
import { contentDisposition } from '@convene/server-storage';
import { clientInfo, type ApiRequest } from '../http/request-context.js';

@Controller('api')
export class MeetingsController {
  constructor(
    private readonly calendar: MeetingCalendarService,
    private readonly events: EventRegistrationsService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  @SignedIn()
  @Get('meetings/:id/ics')
  async meetingIcs(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { meeting, ics } = await this.calendar.meetingIcs(viewer, id);
    sendCalendar(res, ics, icsFileName(meeting.title), 'private, no-store');
  }

  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Req() req: ApiRequest, @Res() res: Response): Promise<void> {
    // Guessing tokens is limited per address; calendar apps poll about hourly.
    await this.rateLimiter.consume([
      { scope: 'calendar-feed:address', subject: clientInfo(req).address, limit: 600, windowSeconds: 3600 },
    ]);
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const ics = await this.calendar.feed(token);
    if (!ics) throw meetingsErrors.feedNotFound();
    sendCalendar(res, ics, 'convene.ics', 'private, max-age=300');
  }

  @SignedIn()
  @Get('meetings/:id/registrations.csv')
  async registrationsCsv(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { meeting, csv } = await this.events.exportCsv(viewer, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      contentDisposition('attachment', icsFileName(meeting.title).replace(/\.ics$/, '-registrations.csv')),
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A byte-order mark, so that spreadsheets read the names as UTF-8.
    res.send(`\uFEFF${csv}`);
  }
}

function sendCalendar(res: Response, ics: string, fileName: string, cacheControl: string): void {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', contentDisposition('attachment', fileName));
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(ics);
}
