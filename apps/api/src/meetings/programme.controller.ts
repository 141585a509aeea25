// The programme over REST: a session's places and waitlist as CSV for the event's organisers, and
// a registrant's own calendar of the sessions they attend (their private link is the credential).
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { EventProgrammeService, EventRegistrationsService, icsFileName } from '@convene/server-meetings';
import { contentDisposition } from '@convene/server-storage';
import { clientInfo, type ApiRequest } from '../http/request-context.js';

@Controller('api')
export class ProgrammeController {
  constructor(
    private readonly programme: EventProgrammeService,
    private readonly events: EventRegistrationsService,
  ) {}

  @SignedIn()
  @Get('programme-sessions/:id/attendees.csv')
  async attendeesCsv(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { session, csv } = await this.programme.attendeesCsv(viewer, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      contentDisposition('attachment', icsFileName(session.title).replace(/\.ics$/, '-attendees.csv')),
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A byte-order mark, so that spreadsheets read the names as UTF-8.
    res.send(`\uFEFF${csv}`);
  }

  @Public()
  @Get('registrations/:token/programme.ics')
  async registrantIcs(@Param('token') token: string, @Req() req: ApiRequest, @Res() res: Response): Promise<void> {
    const { registration, event } = await this.events.byToken(token, clientInfo(req));
    const ics = await this.programme.calendarOf(registration, event.meeting);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition('attachment', icsFileName(event.meeting.title)));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(ics);
  }
}
