import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { IdentityModule } from '@convene/server-identity';
import { MailModule } from '@convene/server-mail';
import { DocumentsModule } from '@convene/server-documents';
import { DiscussionsModule } from '@convene/server-discussions';
import { CalendarFeed } from './calendar-feed.entity.js';
import { EventForm } from './event-form.entity.js';
import { EventRegistration } from './event-registration.entity.js';
import { EventRegistrationLink } from './event-registration-link.entity.js';
import { MeetingChangeListeners } from './meeting-change.listeners.js';
import { EventRegistrationsService } from './event-registrations.service.js';
import { EventProgrammeService } from './event-programme.service.js';
import { ProgrammeSession } from './programme-session.entity.js';
import { SessionPlace } from './session-place.entity.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingPollSlot } from './meeting-poll-slot.entity.js';
import { MeetingPollVote } from './meeting-poll-vote.entity.js';
import { MeetingPoll } from './meeting-poll.entity.js';
import { MeetingPollsService } from './meeting-polls.service.js';
import { MeetingRemindersService } from './meeting-reminders.service.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';
import { MeetingSeries } from './meeting-series.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingsPersonalData } from './meetings-personal-data.js';

@Module({
  imports: [
    MikroOrmModule.forFeature([
      Meeting,
      MeetingSeries,
      MeetingRsvp,
      CalendarFeed,
      MeetingPoll,
      MeetingPollSlot,
      MeetingPollVote,
      EventForm,
      EventRegistration,
      EventRegistrationLink,
      ProgrammeSession,
      SessionPlace,
    ]),
    GroupsModule,
    IdentityModule,
    MailModule,
    DocumentsModule,
    DiscussionsModule,
  ],
  providers: [
    MeetingChangeListeners,
    MeetingsService,
    MeetingRemindersService,
    MeetingPollsService,
    MeetingCalendarService,
    EventRegistrationsService,
    EventProgrammeService,
    MeetingsPersonalData,
  ],
  exports: [
    MeetingsService,
    MeetingRemindersService,
    MeetingPollsService,
    MeetingCalendarService,
    EventRegistrationsService,
    EventProgrammeService,
  ],
})
export class MeetingsModule {}
