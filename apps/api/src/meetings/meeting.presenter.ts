import { Injectable } from '@nestjs/common';
import type { Viewer } from '@convene/server-core';
import { DiscussionAccess } from '@convene/server-discussions';
import { DocumentsService } from '@convene/server-documents';
import { IdentityService } from '@convene/server-identity';
import {
  EventRegistrationsService,
  MeetingsService,
  describeRule,
  organisesEvents,
  rulePattern,
  type MeetingRecord,
  type MeetingSeries,
  type MeetingWithAnswer,
  type RsvpCounts,
  type RsvpRecord,
} from '@convene/server-meetings';
import { GroupsService, type GroupView } from '@convene/server-groups';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { UserModel } from '../identity/user.model.js';
import { preload } from '../graphql/preloaded-fields.js';
import {
  EventFormModel,
  MeetingModel,
  RsvpModel,
  type LinkedItemModel,
  type MeetingPreloads,
  type MeetingRepeatsModel,
} from './meeting.model.js';

export const NO_ANSWERS: RsvpCounts = { going: 0, maybe: 0, notGoing: 0 };

/** A meeting with the group it is seen through (none for a network event), for answers that depend on who may see whom. */
interface Seen {
  meeting: { id: string };
  view: GroupView | null;
  canManage: boolean;
}

/**
 * Meetings as GraphQL models, as the viewer sees them. For a list, whatever the query asks of its
 * meetings (the viewer's answers, counts, open-event forms, series, linked documents and
 * discussion, everyone's answers, registration counts) is loaded once for the whole list: a few
 * statements whatever its length.
 */
@Injectable()
export class MeetingPresenter {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly events: EventRegistrationsService,
    private readonly documents: DocumentsService,
    private readonly threads: DiscussionAccess,
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
  ) {}

  /**
   * The groups hosting each meeting as the viewer sees them, the one it was scheduled in first;
   * `known`: groups the caller already holds. One batch for the groups it does not, if any.
   */
  async hosts(
    viewer: Viewer,
    meetings: Pick<MeetingRecord, 'id' | 'groupId' | 'coHostIds'>[],
    known: WorkingGroupModel[] = [],
  ): Promise<Map<string, WorkingGroupModel[]>> {
    const groups = new Map(known.map((group) => [group.id, group]));
    const hostIds = (m: (typeof meetings)[number]) => [...(m.groupId ? [m.groupId] : []), ...m.coHostIds];
    const missing = [...new Set(meetings.flatMap(hostIds))].filter((id) => !groups.has(id));
    if (missing.length)
      for (const [id, view] of await this.groups.viewsByIds(viewer, missing))
        groups.set(id, WorkingGroupModel.from(view));
    return new Map(meetings.map((m) => [m.id, hostIds(m).flatMap((id) => groups.get(id) ?? [])] as const));
  }

  /** `listed`: each meeting with its group as the viewer sees it; `asks`: whether the query selects a field of the meetings. */
  async list(
    viewer: Viewer,
    listed: { meeting: MeetingRecord | MeetingWithAnswer; group: WorkingGroupModel | null }[],
    asks: (field: string) => boolean,
  ): Promise<MeetingModel[]> {
    const list = listed.map((l) => l.meeting);
    // Lists read with the viewer's answers joined in need no statement for them.
    const answers = list.every((m) => 'answer' in m)
      ? new Map(list.flatMap((m): [string, RsvpRecord][] => (m.answer ? [[m.id, m.answer]] : [])))
      : null;
    const ids = list.map((m) => m.id);
    // A group's calendar lists the meetings it co-hosts too: their own groups come from here.
    const hosts = await this.hosts(
      viewer,
      list,
      listed.flatMap((l) => l.group ?? []),
    );
    const hostsOf = (m: MeetingRecord) => hosts.get(m.id) ?? [];
    // A network event has no group: its organisers are the network's.
    const seen: Seen[] = listed.map(({ meeting, group: listedWith }) => {
      if (!meeting.groupId) return { meeting, view: null, canManage: organisesEvents(viewer) };
      const [group = listedWith] = hostsOf(meeting);
      return {
        meeting,
        view: group?.view ?? null,
        canManage: hostsOf(meeting).some((host) => host.viewerCanManage),
      };
    });
    const organisers = new Map(seen.map((s) => [s.meeting.id, s.canManage]));
    const documentIds =
      asks('agendaDocument') || asks('minutesDocument')
        ? list.flatMap((m) => [m.agendaDocumentId, m.minutesDocumentId].filter((id): id is string => !!id))
        : null;
    const threadIds = asks('thread') ? list.flatMap((m) => (m.threadId ? [m.threadId] : [])) : null;
    const seriesIds =
      asks('recurrence') || asks('repeats') ? list.flatMap((m) => (m.seriesId ? [m.seriesId] : [])) : null;
    const [mine, counts, forms, documents, threads, series, rsvps] = await Promise.all([
      asks('myRsvp') ? (answers ?? this.meetings.myRsvps(viewer, ids)) : null,
      asks('rsvpCounts') ? this.meetings.rsvpCounts(ids) : null,
      asks('eventForm') || asks('registrationCounts') ? this.events.formsOf(ids) : null,
      documentIds && this.documents.readableByIds(viewer, documentIds),
      threadIds && this.threads.readableThreads(viewer, threadIds),
      seriesIds && this.meetings.seriesByIds(seriesIds),
      asks('rsvps') ? this.rsvps(viewer, seen) : null,
    ]);
    // Registration counts are for the organisers of open events only.
    const organised = new Set(
      forms ? seen.filter((s) => s.canManage && forms.has(s.meeting.id)).map((s) => s.meeting.id) : [],
    );
    const registrations = asks('registrationCounts') ? await this.events.counts([...organised]) : null;

    const linked = (found: { id: string; title: string } | undefined): LinkedItemModel | null =>
      found ? { id: found.id, title: found.title } : null;
    return list.map((m) => {
      const model = MeetingModel.from(m, organisers.get(m.id) === true);
      const [group = null] = hostsOf(m);
      const loaded: Partial<MeetingPreloads> = { group, hosts: hostsOf(m) };
      if (mine) {
        const rsvp = mine.get(m.id);
        loaded.myRsvp = rsvp ? RsvpModel.from(rsvp, true) : null;
      }
      if (counts) loaded.rsvpCounts = counts.get(m.id) ?? NO_ANSWERS;
      if (forms) {
        const form = forms.get(m.id);
        loaded.eventForm = form ? EventFormModel.from(form, m.timeZone) : null;
      }
      if (documents) {
        loaded.agendaDocument = m.agendaDocumentId ? linked(documents.get(m.agendaDocumentId)) : null;
        loaded.minutesDocument = m.minutesDocumentId ? linked(documents.get(m.minutesDocumentId)) : null;
      }
      if (threads) loaded.thread = m.threadId ? linked(threads.get(m.threadId)) : null;
      if (series) {
        loaded.recurrence = m.seriesId ? recurrenceOf(series.get(m.seriesId), m) : null;
        loaded.repeats = m.seriesId ? repeatsOf(series.get(m.seriesId), m) : null;
      }
      if (rsvps) loaded.rsvps = rsvps.get(m.id) ?? [];
      if (registrations)
        loaded.registrationCounts = organised.has(m.id)
          ? (registrations.get(m.id) ?? { confirmed: 0, pending: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 })
          : null;
      preload(model, loaded);
      return model;
    });
  }

  /**
   * Everyone's answers to some meetings, with the people who gave them, in three statements: notes
   * only for the meeting's organisers and the note's writer.
   */
  async rsvps(viewer: Viewer, seen: Seen[]): Promise<Map<string, RsvpModel[]>> {
    const rows = await this.meetings.rsvpsOf(viewer, seen);
    const people = await this.identity.peopleByIds([...rows.values()].flatMap((list) => list.map((r) => r.userId)));
    const organises = new Map(seen.map((s) => [s.meeting.id, s.canManage]));
    return new Map(
      [...rows].map(([meetingId, list]) => [
        meetingId,
        list.map((r) => {
          const model = RsvpModel.from(r, organises.get(meetingId) === true || r.userId === viewer.userId);
          const person = people.get(r.userId);
          model.person = person ? UserModel.fromValues(person) : null;
          return model;
        }),
      ]),
    );
  }
}

/**
 * How a meeting's series repeats, in words (English). A meeting moved on its own is described by
 * the start its series gave it: the series still meets on the 3rd Friday.
 */
export function recurrenceOf(
  series: MeetingSeries | null | undefined,
  meeting: Pick<MeetingRecord, 'startsAt' | 'movedFrom'>,
): string | null {
  return series
    ? describeRule(
        { frequency: series.frequency, interval: series.interval, count: series.count, until: series.until },
        meeting.movedFrom ?? meeting.startsAt,
        series.timeZone,
      )
    : null;
}

/** How a meeting's series repeats, in parts (as `recurrenceOf`). */
export function repeatsOf(
  series: MeetingSeries | null | undefined,
  meeting: Pick<MeetingRecord, 'startsAt' | 'movedFrom'>,
): MeetingRepeatsModel | null {
  // The weekday as the series keeps it: in its own zone, whatever zone one meeting was moved to.
  return series
    ? rulePattern(
        { frequency: series.frequency, interval: series.interval, count: series.count, until: series.until },
        meeting.movedFrom ?? meeting.startsAt,
        series.timeZone,
      )
    : null;
}
