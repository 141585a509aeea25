import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, type Viewer } from '@convene/server-core';
import { MeetingStatus, RsvpResponse } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { MailSubjects, type MailRecipient, type MeetingMailDetails } from '@convene/server-mail';
import { CalendarFeed } from './calendar-feed.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';
import { MeetingsService } from './meetings.service.js';
import { buildCalendar, type IcsEvent } from './ics.util.js';
import { addressOf, meetingIcsEvent } from './meeting-ics-event.util.js';
import { formatWhen } from './meeting-time-format.util.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const PARTSTAT = {
  [RsvpResponse.GOING]: 'ACCEPTED',
  [RsvpResponse.MAYBE]: 'TENTATIVE',
  [RsvpResponse.NOT_GOING]: 'DECLINED',
} as const;

/**
 * Meetings in other calendars: one meeting's .ics, the invitation an email carries, and each
 * person's secret feed of all their groups' meetings. The UID of a meeting is its id everywhere, so
 * calendars replace an event when its SEQUENCE grows.
 */
@Injectable()
export class MeetingCalendarService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly meetings: MeetingsService,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly mailSubjects: MailSubjects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Notification mails about a meeting carry its details and invitation: provided from here. */
  onModuleInit(): void {
    this.mailSubjects.register('meeting', (meetingId, recipient) => this.mailDetails(meetingId, recipient));
  }

  /** One meeting for a member who may read it (GET /api/meetings/:id/ics). */
  async meetingIcs(viewer: Viewer, meetingId: string): Promise<{ meeting: Meeting; ics: string }> {
    const { meeting } = await this.meetings.byId(viewer, meetingId);
    const events = await this.events([meeting], viewer.userId);
    return { meeting, ics: buildCalendar({ method: 'PUBLISH', events }) };
  }

  /**
   * The invitation an email about a meeting carries (METHOD:REQUEST, or CANCEL once cancelled),
   * for a recipient who is an active member of one of its groups (anyone, for a network event); null otherwise.
   */
  async invitation(
    meetingId: string,
    recipientId: string,
  ): Promise<{ method: 'REQUEST' | 'CANCEL'; ics: string } | null> {
    const meeting = await this.em.fork().findOne(Meeting, { id: meetingId });
    if (!meeting) return null;
    // A network event is everyone's; a group meeting, its groups' members'.
    if (meeting.group) {
      const groupIds = new Set(await this.groups.activeGroupIdsOf(recipientId));
      if (![meeting.group.id, ...meeting.coHostIds].some((id) => groupIds.has(id))) return null;
    }
    const method = meeting.status === MeetingStatus.CANCELLED ? 'CANCEL' : 'REQUEST';
    const events = await this.events([meeting], recipientId, { attendee: true });
    return { method, ics: buildCalendar({ method, events }) };
  }

  /** What a mail about a meeting says, for one recipient (times in their zone), with the invitation. */
  async mailDetails(meetingId: string, recipient: MailRecipient): Promise<MeetingMailDetails | null> {
    const meeting = await this.em.fork().findOne(Meeting, { id: meetingId });
    if (!meeting) return null;
    const invitation = await this.invitation(meetingId, recipient.id);
    if (!invitation) return null;
    return {
      title: meeting.title,
      when: formatWhen(meeting.startsAt, meeting.endsAt, recipient.timeZone, recipient.locale),
      place: meeting.location || (meeting.onlineUrl ? meeting.onlineUrl : ''),
      reason: meeting.status === MeetingStatus.CANCELLED ? meeting.cancellationReason : '',
      link: `${this.config.publicUrl}/meetings/${meeting.id}`,
      invitation,
    };
  }

  // ---- personal feed ----

  /** Creates (or replaces) the viewer's feed address; the old one stops working. The token is shown once. */
  async resetFeed(viewer: Viewer): Promise<{ url: string; createdAt: Date }> {
    const token = randomBytes(24).toString('base64url');
    const createdAt = new Date();
    await this.em
      .fork()
      .upsert(CalendarFeed, { userId: viewer.userId, tokenHash: sha256(token), createdAt, lastUsedAt: null });
    return { url: this.feedUrl(token), createdAt };
  }

  async revokeFeed(viewer: Viewer): Promise<boolean> {
    return (await this.em.fork().nativeDelete(CalendarFeed, { userId: viewer.userId })) > 0;
  }

  async feedStatus(viewer: Viewer): Promise<CalendarFeed | null> {
    return this.em.fork().findOne(CalendarFeed, { userId: viewer.userId });
  }

  /** The feed for a token, or null for an unknown (or revoked) one, or one of a deactivated account. */
  async feed(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
    const em = this.em.fork();
    const feed = await em.findOne(CalendarFeed, { tokenHash: sha256(token) });
    if (!feed) return null;
    await em.nativeUpdate(CalendarFeed, { userId: feed.userId }, { lastUsedAt: new Date() });
    const user = (await this.identity.usersByIds([feed.userId])).get(feed.userId);
    // A deactivated account's feed stops with its sessions: the token must not outlive the account's access.
    if (!user || user.deactivatedAt) return null;
    const meetings = await this.meetings.feedFor(feed.userId);
    const events = await this.events(meetings, feed.userId);
    return buildCalendar({ method: 'PUBLISH', name: 'Convene meetings', refreshMinutes: 60, events });
  }

  feedUrl(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }

  /** Calendar events of some meetings as one person sees them (their answer; the call link, as a member). */
  private async events(meetings: Meeting[], userId: string, options: { attendee?: boolean } = {}): Promise<IcsEvent[]> {
    if (!meetings.length) return [];
    const ids = meetings.map((m) => m.id);
    const rsvps = new Map(
      (await this.em.fork().find(MeetingRsvp, { meetingId: { $in: ids }, userId })).map((r) => [
        r.meetingId,
        r.response,
      ]),
    );
    const groupNames = await this.groups.referencesByIds([
      ...new Set(meetings.flatMap((m) => [...(m.group ? [m.group.id] : []), ...m.coHostIds])),
    ]);
    const person = options.attendee ? (await this.identity.usersByIds([userId])).get(userId) : null;
    const organizerEmail = addressOf(this.config.mailFrom);
    return meetings.map((meeting) => {
      const group = meeting.group ? groupNames.get(meeting.group.id) : undefined;
      const hosts = [...(meeting.group ? [meeting.group.id] : []), ...meeting.coHostIds].flatMap(
        (id) => groupNames.get(id)?.name ?? [],
      );
      const answer = rsvps.get(meeting.id);
      return meetingIcsEvent(meeting, {
        groupName: hosts.length ? hosts.join(', ') : null,
        link: `${this.config.publicUrl}/meetings/${meeting.id}`,
        organizer: { name: group ? `Convene: ${group.name}` : 'Convene', email: organizerEmail },
        attendee: person
          ? { name: person.displayName, email: person.email, partstat: answer ? PARTSTAT[answer] : 'NEEDS-ACTION' }
          : null,
      });
    });
  }
}
