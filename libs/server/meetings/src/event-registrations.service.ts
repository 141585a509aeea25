import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  InputCheck,
  readFieldTranslations,
  readFormAnswers,
  readFormLanguage,
  readFormTranslations,
  toCsv,
  OutboxService,
  RateLimiter,
  hasControlCharacters,
  type AppConfig,
  type FieldTextsInput,
  type FormTextsInput,
  type Viewer,
} from '@convene/server-core';
import {
  GROUP_SLUG_PATTERN,
  LIMITS,
  MeetingStatus,
  RegistrationFieldKind,
  RegistrationStatus,
  type Locale,
} from '@convene/shared-contracts';
import { MailService, type MailCalendar, type MailMessage } from '@convene/server-mail';
import { GroupsService } from '@convene/server-groups';
import { EventForm, type RegistrationField } from './event-form.entity.js';
import { EventFormRepository } from './event-form.repository.js';
import { EventProgrammeService } from './event-programme.service.js';
import { EventRegistration } from './event-registration.entity.js';
import { EventRegistrationRepository } from './event-registration.repository.js';
import { newRegistrationLink, sha256 } from './registration-link.util.js';
import { MeetingChangeListeners, type MeetingChange } from './meeting-change.listeners.js';
import type { Meeting } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingsService, type MeetingAccess } from './meetings.service.js';
import { meetingsErrors } from './meetings.errors.js';
import { longText } from './meeting-input.util.js';
import { buildCalendar } from './ics.util.js';
import { addressOf, meetingIcsEvent } from './meeting-ics-event.util.js';
import { formatWhen } from './meeting-time-format.util.js';
import { formatLocalDateTime, fromZoned, parseLocalDateTime, toZoned } from './zoned-time.util.js';

export interface EventFormInput {
  meetingId: string;
  slug: string;
  isOpen?: boolean | null;
  capacity?: number | null;
  waitlistEnabled?: boolean | null;
  /** Local date-time in the meeting's zone. */
  deadline?: string | null;
  requiresApproval?: boolean | null;
  retentionDays?: number | null;
  consentText: string;
  /** The language the form's texts (and the meeting's title and description) are written in; English when not said. */
  language?: string | null;
  /** The public page's title, description (Markdown) and consent text in other languages. */
  translations?: FormTextsInput[] | null;
  fields?:
    | {
        id?: string | null;
        label: string;
        kind: RegistrationFieldKind;
        required?: boolean | null;
        options?: string[] | null;
        translations?: FieldTextsInput[] | null;
      }[]
    | null;
}

export interface RegistrationInput {
  slug: string;
  name: string;
  email: string;
  organisation?: string | null;
  answers?: { fieldId: string; value: string }[] | null;
  consent: boolean;
  /** A field people never see; bots fill it. */
  website?: string | null;
  /** The language of the page they registered on, for their mail. */
  locale?: string | null;
  /** The workshops of the event's programme they pick. */
  sessionIds?: string[] | null;
}

/** An open event, for anyone to see. */
export interface PublicEvent {
  meeting: Meeting;
  form: EventForm;
  /** Places left, null for no limit. */
  placesLeft: number | null;
  /** Why registering is not possible now, or null. */
  closedReason: 'CLOSED' | 'DEADLINE_PASSED' | 'FULL' | 'CANCELLED' | 'ENDED' | null;
  /** Full, but a new registration would join the waitlist. */
  waitlisted: boolean;
}

export interface RegistrationCounts {
  confirmed: number;
  pending: number;
  waitlisted: number;
  cancelled: number;
  checkedIn: number;
}

/**
 * Open events: a meeting with a public registration form. Registering needs no account; the answer
 * is the same whether or not the email was already registered (the person learns which by email).
 * Places are counted with the form locked, and a freed place goes to the first on the waitlist.
 */
@Injectable()
export class EventRegistrationsService implements OnModuleInit {
  private readonly logger = new Logger(EventRegistrationsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly formRepo: EventFormRepository,
    private readonly registrationRepo: EventRegistrationRepository,
    private readonly meetingRepo: MeetingRepository,
    private readonly meetings: MeetingsService,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly rateLimiter: RateLimiter,
    private readonly changes: MeetingChangeListeners,
    private readonly programme: EventProgrammeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.changes.register((change) => this.tellRegistrants(change));
  }

  /**
   * An event moved, changed place or was cancelled: everyone registered (and waiting) is told by
   * email, and those with a place get the updated invitation (or its cancellation) for their calendar.
   */
  private async tellRegistrants({ em, meetings, cancelled }: MeetingChange): Promise<MailMessage[]> {
    const forms = await this.formRepo.ofMeetings(
      em,
      meetings.map((m) => m.id),
    );
    if (!forms.length) return [];
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const people = await this.registrationRepo.registeredOrWaitingFor(
      em,
      forms.map((f) => f.meetingId),
    );
    return people.map((person) => {
      const meeting = byId.get(person.meetingId);
      // The registrations were read for these meetings' forms alone.
      if (!meeting) throw new Error(`Registration ${person.id} is for none of the changed meetings`);
      const calendar =
        person.status === RegistrationStatus.CONFIRMED
          ? this.invitation(meeting, person, cancelled ? 'CANCEL' : 'REQUEST')
          : null;
      const params = {
        title: meeting.title,
        when: this.when(meeting, person.locale),
        place: meeting.location,
        cancelled,
        reason: meeting.cancellationReason,
        link: this.link(em, person),
      };
      return this.mail.prepare('event-changed', { email: person.email, locale: person.locale }, params, em, calendar);
    });
  }

  // ---- organisers ----

  /** Makes a meeting an open event with a registration form, or changes its form. Convenors of the group and network admins. */
  async configure(viewer: Viewer, input: EventFormInput): Promise<{ access: MeetingAccess; form: EventForm }> {
    const check = new InputCheck();
    const slug = (input.slug ?? '').trim().toLowerCase();
    if (!GROUP_SLUG_PATTERN.test(slug) || slug.length < 3 || slug.length > 64)
      check.fail('slug', 'Use 3 to 64 lower-case letters, digits and dashes, like summit-2026.');
    const capacity = input.capacity ?? null;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000))
      check.fail('capacity', 'Enter a number of places from 1, or leave it empty for no limit.');
    const retentionDays = input.retentionDays ?? 30;
    if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > LIMITS.registrationRetentionMaxDays)
      check.fail(
        'retentionDays',
        `Keep registrations between 0 and ${LIMITS.registrationRetentionMaxDays} days after the event.`,
      );
    const consentText = longText(
      check,
      'consentText',
      input.consentText,
      LIMITS.registrationConsentMax,
      'The consent text',
    );
    if (!consentText) check.fail('consentText', 'Say what is kept and for how long.');
    const language = readFormLanguage(check, input.language);
    const translations = readFormTranslations(check, input.translations, language, {
      title: LIMITS.meetingTitleMax,
      intro: LIMITS.meetingDescriptionMax,
      consentText: LIMITS.registrationConsentMax,
    });
    const fields = readFields(check, input.fields ?? [], language);
    const deadlineLocal = input.deadline ? parseLocalDateTime(input.deadline.trim()) : null;
    if (input.deadline && !deadlineLocal) check.fail('deadline', 'Enter a date and time, like 2026-12-01T23:59.');
    check.done();
    const access = await this.meetings.byId(viewer, input.meetingId, 'meetingId');
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    if (access.view) this.groups.assertWritable(access.view);
    const deadline = deadlineLocal ? fromZoned(deadlineLocal, access.meeting.timeZone) : null;
    if (deadline && deadline.getTime() > access.meeting.endsAt.getTime()) throw meetingsErrors.deadlineAfterEvent();

    const configured = this.em.transactional(async (em) => {
      // The meeting row, then the form, are locked before places are counted: registrations (which
      // lock the form) and another organiser's change wait for this one.
      await this.meetingRepo.lock(em, access.meeting.id);
      let form = await this.formRepo.lockedOf(em, access.meeting.id);
      const taken = await this.registrationRepo.placesTaken(em, access.meeting.id);
      if (capacity !== null && capacity < taken) throw meetingsErrors.capacityBelowRegistrations(taken);
      if (await this.formRepo.slugTakenByOther(em, slug, access.meeting.id)) throw meetingsErrors.eventSlugTaken();
      const values = {
        slug,
        isOpen: input.isOpen ?? form?.isOpen ?? true,
        capacity,
        waitlistEnabled: input.waitlistEnabled ?? form?.waitlistEnabled ?? true,
        deadline,
        requiresApproval: input.requiresApproval ?? form?.requiresApproval ?? false,
        retentionDays,
        consentText,
        language,
        translations,
        fields,
        updatedAt: new Date(),
      };
      if (form) Object.assign(form, values);
      else form = em.create(EventForm, { meetingId: access.meeting.id, ...values });
      await em.flush();
      // More places: the waitlist moves up.
      const promoted = await this.fillPlaces(em, access.meeting, form);
      await em.flush();
      return { form, promoted };
    });
    // Two events claiming one address at the same moment: the second is told, not given a 500.
    const { form, promoted } = await configured.catch((error: unknown) => {
      throw error instanceof UniqueConstraintViolationException ? meetingsErrors.eventSlugTaken() : error;
    });
    await this.mail.dispatch(promoted);
    return { access, form };
  }

  async formOf(meetingId: string): Promise<EventForm | null> {
    return this.formRepo.ofMeeting(this.em.fork(), meetingId);
  }

  /** Forms of some meetings, in one query. */
  async formsOf(meetingIds: string[]): Promise<Map<string, EventForm>> {
    if (!meetingIds.length) return new Map();
    const forms = await this.formRepo.ofMeetings(this.em.fork(), [...new Set(meetingIds)]);
    return new Map(forms.map((f) => [f.meetingId, f]));
  }

  /** Every registration of an event, for its organisers (oldest first: the waitlist order). */
  async registrations(
    viewer: Viewer,
    meetingId: string,
  ): Promise<{ access: MeetingAccess; registrations: EventRegistration[] }> {
    const access = await this.organised(viewer, meetingId);
    const registrations = await this.registrationRepo.allOf(this.em.fork(), access.meeting.id);
    return { access, registrations };
  }

  async counts(meetingIds: string[]): Promise<Map<string, RegistrationCounts>> {
    const out = new Map<string, RegistrationCounts>();
    if (!meetingIds.length) return out;
    const rows = await this.registrationRepo.countsByStatus(this.em.fork(), [...new Set(meetingIds)]);
    for (const row of rows) {
      const counts = out.get(row.meetingId) ?? { confirmed: 0, pending: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
      const n = row.count;
      if (row.status === RegistrationStatus.CONFIRMED) counts.confirmed = n;
      else if (row.status === RegistrationStatus.PENDING) counts.pending = n;
      else if (row.status === RegistrationStatus.WAITLISTED) counts.waitlisted = n;
      else if (row.status === RegistrationStatus.CANCELLED) counts.cancelled = n;
      counts.checkedIn += row.checkedIn;
      out.set(row.meetingId, counts);
    }
    return out;
  }

  /** The organiser approves or declines a pending registration. A decline frees the place for the waitlist. */
  async decide(viewer: Viewer, input: { registrationId: string; approve: boolean }): Promise<EventRegistration> {
    return this.changeRegistration(viewer, input.registrationId, async (em, registration, meeting, form) => {
      if (registration.status !== RegistrationStatus.PENDING && registration.status !== RegistrationStatus.WAITLISTED) {
        throw meetingsErrors.registrationNotPending();
      }
      const mails: MailMessage[] = [];
      if (input.approve) {
        const fromWaitlist = registration.status === RegistrationStatus.WAITLISTED;
        // Someone from the waitlist takes a free place; with none, the organisers raise the capacity first.
        if (fromWaitlist && (await this.freePlaces(em, meeting, form)) <= 0)
          throw meetingsErrors.eventFull('No place is free: raise the capacity first, or wait for someone to cancel.');
        registration.status = RegistrationStatus.CONFIRMED;
        mails.push(this.confirmedMail(em, registration, meeting, fromWaitlist));
        if (fromWaitlist) mails.push(...(await this.programme.admit(em, registration, meeting)));
      } else {
        registration.status = RegistrationStatus.DECLINED;
        mails.push(...(await this.programme.release(em, registration, meeting)));
        mails.push(
          this.mail.prepare(
            'event-registration-declined',
            { email: registration.email, locale: registration.locale },
            { title: meeting.title },
            em,
          ),
        );
        await em.flush(); // the place it held is counted as free from here
        mails.push(...(await this.fillPlaces(em, meeting, form)));
      }
      return mails;
    });
  }

  /** Marks someone as arrived (or not) on the day. */
  async checkIn(viewer: Viewer, input: { registrationId: string; checkedIn: boolean }): Promise<EventRegistration> {
    return this.changeRegistration(viewer, input.registrationId, async (_em, registration) => {
      if (registration.status !== RegistrationStatus.CONFIRMED)
        throw meetingsErrors.registrationClosed('Only confirmed registrations can be checked in.');
      registration.checkedInAt = input.checkedIn ? (registration.checkedInAt ?? new Date()) : null;
      return [];
    });
  }

  /** Writes to everyone registered (confirmed, pending and, if asked, the waitlist). Returns how many mails were sent. */
  async emailRegistrants(
    viewer: Viewer,
    input: { meetingId: string; subject: string; message: string; includeWaitlist?: boolean | null },
  ): Promise<number> {
    const check = new InputCheck();
    const subject = check.text('subject', input.subject, { max: 200, label: 'The subject' });
    const message = longText(check, 'message', input.message, LIMITS.registrationMessageMax, 'The message');
    if (!message) check.fail('message', 'Write a message.');
    check.done();
    const access = await this.organised(viewer, input.meetingId, { change: true });
    const mails = await this.em.transactional(async (em) => {
      const people = await this.registrationRepo.reachableOf(em, access.meeting.id, Boolean(input.includeWaitlist));
      const out: MailMessage[] = [];
      for (const person of people) {
        out.push(
          this.mail.prepare(
            'event-message',
            { email: person.email, locale: person.locale },
            { title: access.meeting.title, subject, message, link: this.link(em, person) },
            em,
          ),
        );
      }
      await em.flush();
      return out;
    });
    await this.mail.dispatch(mails);
    return mails.length;
  }

  /** The registrations as CSV, for organisers. */
  async exportCsv(viewer: Viewer, meetingId: string): Promise<{ meeting: Meeting; csv: string }> {
    const { access, registrations } = await this.registrations(viewer, meetingId);
    const form = await this.formOf(access.meeting.id);
    const fields = form?.fields ?? [];
    const header = [
      'Registered at',
      'Status',
      'Name',
      'Email',
      'Organisation',
      ...fields.map((f) => f.label),
      'Checked in at',
    ];
    const rows = registrations.map((r) => [
      r.createdAt.toISOString(),
      r.status,
      r.name,
      r.email,
      r.organisation,
      ...fields.map((f) => {
        const v = r.answers[f.id];
        return typeof v === 'boolean' ? (v ? 'yes' : 'no') : (v ?? '');
      }),
      r.checkedInAt?.toISOString() ?? '',
    ]);
    const csv = toCsv([header, ...rows]);
    return { meeting: access.meeting, csv };
  }

  // ---- the public ----

  /** An open event by its address; "not found" for anything else (a closed form is still shown, as closed). */
  async publicEvent(slug: string): Promise<PublicEvent> {
    const key = (slug ?? '').trim().toLowerCase();
    if (!GROUP_SLUG_PATTERN.test(key) || key.length > 64) throw meetingsErrors.eventNotFound();
    const em = this.em.fork();
    const form = await this.formRepo.bySlug(em, key);
    if (!form) throw meetingsErrors.eventNotFound();
    const meeting = await this.meetingRepo.byId(em, form.meetingId);
    if (!meeting) throw meetingsErrors.eventNotFound();
    return this.describe(em, meeting, form);
  }

  /**
   * Registers someone. The answer is the same whether or not the email was already registered;
   * a repeat gets an email with a fresh private link instead of a second registration.
   */
  async register(input: RegistrationInput, client: { address: string }): Promise<{ status: 'RECEIVED' }> {
    await this.rateLimiter.consume([
      { scope: 'event-registration:address', subject: client.address, limit: 20, windowSeconds: 3600 },
    ]);
    const check = new InputCheck();
    const name = check.text('name', input.name, { max: LIMITS.registrationNameMax, label: 'Your name' });
    const email = check.email('email', input.email);
    const organisation = check.text('organisation', input.organisation, {
      required: false,
      max: LIMITS.organisationNameMax,
      label: 'The organisation',
    });
    const locale = input.locale === 'ar' ? 'ar' : 'en';
    check.done();
    // Bots fill the hidden field: they get the usual answer and nothing is stored.
    if ((input.website ?? '').trim()) return { status: 'RECEIVED' };
    const shown = await this.publicEvent(input.slug);
    const answers = readFormAnswers(check, shown.form.fields, input.answers ?? [], {
      text: LIMITS.registrationAnswerMax,
      longText: LIMITS.registrationAnswerMax,
    });
    check.done();
    if (!input.consent) throw meetingsErrors.consentRequired();
    const picks = await this.programme.readPicks(shown.meeting.id, input.sessionIds);
    // Counted per event once the input is valid, so that naming someone's address can't lock them out elsewhere.
    await this.rateLimiter.consume([
      { scope: 'event-registration:email', subject: `${shown.meeting.id}:${email}`, limit: 5, windowSeconds: 3600 },
    ]);

    const outcome = await this.em.transactional(async (em) => {
      const form = await this.formRepo.lockedOf(em, shown.meeting.id);
      const meeting = await this.meetingRepo.byId(em, shown.meeting.id, { refresh: true });
      if (!form || !meeting) throw meetingsErrors.eventNotFound();
      const now = await this.describe(em, meeting, form);
      // Whether registering is possible is decided before anyone's registration is looked at, so
      // the answer is the same for an address already registered and for a new one.
      if (now.closedReason && now.closedReason !== 'FULL') throw closedError(now.closedReason);
      if (now.closedReason === 'FULL' && !now.waitlisted) throw meetingsErrors.eventFull();
      const existing = await this.registrationRepo.byEmail(em, meeting.id, email);
      // A decline is final (organisers can still approve): the same answer, and nothing changes.
      if (existing?.status === RegistrationStatus.DECLINED) return { mail: null, event: null };
      if (existing && existing.status !== RegistrationStatus.CANCELLED) {
        return {
          mail: this.mail.prepare(
            'event-already-registered',
            { email, locale: existing.locale },
            { title: meeting.title, link: this.link(em, existing) },
            em,
          ),
          event: null,
        };
      }
      const status = now.waitlisted
        ? RegistrationStatus.WAITLISTED
        : form.requiresApproval
          ? RegistrationStatus.PENDING
          : RegistrationStatus.CONFIRMED;
      // Someone who cancelled registers afresh: the old row is reused, its place in the queue is new.
      const registration = existing ?? em.create(EventRegistration, { meetingId: meeting.id, name, email, status });
      Object.assign(registration, {
        name,
        email,
        emailKey: email,
        locale,
        organisation,
        answers,
        status,
        cancelledAt: null,
        checkedInAt: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      await em.flush();
      await this.programme.enrol(em, registration, picks);
      const mail =
        status === RegistrationStatus.CONFIRMED
          ? this.confirmedMail(em, registration, meeting, false, 'event-registration')
          : this.mail.prepare(
              'event-registration',
              { email, locale },
              {
                title: meeting.title,
                when: this.when(meeting, locale),
                place: meeting.location,
                status,
                link: this.link(em, registration),
              },
              em,
            );
      const event = this.outbox.record('registration.received', {
        registrationId: registration.id,
        meetingId: meeting.id,
        groupId: meeting.group?.id ?? null,
        coHostIds: meeting.coHostIds,
      });
      await em.flush();
      return { mail, event };
    });
    if (outcome.mail) await this.mail.dispatch([outcome.mail]);
    if (outcome.event) await this.outbox.publish([outcome.event]);
    return { status: 'RECEIVED' };
  }

  /** A registration by its private link (a secret: tries are limited per address). */
  async byToken(
    token: string,
    client: { address: string },
  ): Promise<{ registration: EventRegistration; event: PublicEvent; position: number | null }> {
    await this.rateLimiter.consume([
      { scope: 'event-registration:link', subject: client.address, limit: 120, windowSeconds: 3600 },
    ]);
    return this.found(token);
  }

  private async found(
    token: string,
  ): Promise<{ registration: EventRegistration; event: PublicEvent; position: number | null }> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token ?? '')) throw meetingsErrors.registrationNotFound();
    const em = this.em.fork();
    const registration = await this.registrationRepo.byTokenHash(em, sha256(token));
    if (!registration || registration.anonymisedAt) throw meetingsErrors.registrationNotFound();
    const [form, meeting] = await Promise.all([
      this.formRepo.ofMeeting(em, registration.meetingId),
      this.meetingRepo.byId(em, registration.meetingId),
    ]);
    if (!form || !meeting) throw meetingsErrors.registrationNotFound();
    const position =
      registration.status === RegistrationStatus.WAITLISTED
        ? (await this.registrationRepo.waitingAhead(em, meeting.id, registration.createdAt)) + 1
        : null;
    return { registration, event: await this.describe(em, meeting, form), position };
  }

  /** The registrant cancels through their link; the first on the waitlist gets the place and is told. */
  async cancelByToken(
    token: string,
    client: { address: string },
  ): Promise<{ registration: EventRegistration; event: PublicEvent; position: number | null }> {
    const found = await this.byToken(token, client);
    const mails = await this.em.transactional(async (em) => {
      const form = await this.formRepo.lockedOf(em, found.registration.meetingId);
      const registration = await this.registrationRepo.byId(em, found.registration.id, { refresh: true });
      const meeting = await this.meetingRepo.byId(em, found.registration.meetingId);
      if (!form || !registration || !meeting) throw meetingsErrors.registrationNotFound();
      if (registration.status === RegistrationStatus.CANCELLED || registration.status === RegistrationStatus.DECLINED)
        return [];
      // A confirmed place was in their calendar: the mail takes it out again.
      const calendar =
        registration.status === RegistrationStatus.CONFIRMED ? this.invitation(meeting, registration, 'CANCEL') : null;
      registration.status = RegistrationStatus.CANCELLED;
      registration.cancelledAt = new Date();
      registration.updatedAt = new Date();
      const mails = [
        this.mail.prepare(
          'event-registration-cancelled',
          { email: registration.email, locale: registration.locale },
          { title: meeting.title },
          em,
          calendar,
        ),
      ];
      await em.flush();
      mails.push(...(await this.programme.release(em, registration, meeting)));
      mails.push(...(await this.fillPlaces(em, meeting, form)));
      await em.flush();
      return mails;
    });
    await this.mail.dispatch(mails);
    return this.found(token);
  }

  /** Anonymises registrations of events that ended more than their retention period ago. Returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const anonymised = await this.registrationRepo.anonymiseExpired(this.em.fork(), now);
    if (anonymised.length) {
      await this.registrationRepo.deleteLinksOf(this.em.fork(), anonymised);
      this.logger.log(`Anonymised ${anonymised.length} event registration(s) past their retention period`);
    }
    return anonymised.length;
  }

  /** A new private link to a registration, stored (as a hash) in the caller's unit of work. */
  private link(em: EntityManager, registration: EventRegistration): string {
    return newRegistrationLink(em, registration.id, this.config.publicUrl);
  }

  // ---- helpers ----

  /** An event the viewer organises; for a `change`, GROUP_ARCHIVED when its group is archived. */
  private async organised(viewer: Viewer, meetingId: string, opts: { change?: boolean } = {}): Promise<MeetingAccess> {
    const access = await this.meetings.byId(viewer, meetingId, 'meetingId');
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    if (opts.change && access.view) this.groups.assertWritable(access.view);
    const form = await this.formOf(access.meeting.id);
    if (!form) throw meetingsErrors.eventNotFound();
    return access;
  }

  private async changeRegistration(
    viewer: Viewer,
    registrationId: string,
    change: (
      em: EntityManager,
      registration: EventRegistration,
      meeting: Meeting,
      form: EventForm,
    ) => Promise<MailMessage[]>,
  ): Promise<EventRegistration> {
    const check = new InputCheck();
    const id = check.uuid('registrationId', registrationId, 'Registration');
    check.done();
    const found = await this.registrationRepo.byId(this.em.fork(), id);
    if (!found) throw meetingsErrors.registrationNotFound();
    await this.organised(viewer, found.meetingId, { change: true }).catch((error: unknown) => {
      throw (error as { reason?: string }).reason === 'MEETING_NOT_FOUND'
        ? meetingsErrors.registrationNotFound()
        : error;
    });
    const { registration, mails } = await this.em.transactional(async (em) => {
      const form = await this.formRepo.lockedOf(em, found.meetingId);
      const registration = await this.registrationRepo.byId(em, id, { refresh: true });
      const meeting = await this.meetingRepo.byId(em, found.meetingId);
      if (!form || !registration || !meeting || registration.anonymisedAt) throw meetingsErrors.registrationNotFound();
      const mails = await change(em, registration, meeting, form);
      registration.updatedAt = new Date();
      await em.flush();
      return { registration, mails };
    });
    await this.mail.dispatch(mails);
    return registration;
  }

  /**
   * Gives free places to the waitlist, first come first served (the form is locked by the caller):
   * confirmed at once, or, where the organisers approve registrations, pending their approval
   * (which holds the place). Returns the mails to send.
   */
  private async fillPlaces(em: EntityManager, meeting: Meeting, form: EventForm): Promise<MailMessage[]> {
    if (meeting.status === MeetingStatus.CANCELLED || meeting.endsAt.getTime() <= Date.now()) return [];
    const free = await this.freePlaces(em, meeting, form);
    if (free <= 0) return [];
    const next = await this.registrationRepo.waitlistOf(em, meeting.id, Math.min(free, 1000));
    const mails = next.map((registration) => {
      registration.updatedAt = new Date();
      if (!form.requiresApproval) {
        registration.status = RegistrationStatus.CONFIRMED;
        return this.confirmedMail(em, registration, meeting, true);
      }
      registration.status = RegistrationStatus.PENDING;
      const params = {
        title: meeting.title,
        when: this.when(meeting, registration.locale),
        place: meeting.location,
        status: 'PENDING' as const,
        link: this.link(em, registration),
      };
      return this.mail.prepare(
        'event-registration',
        { email: registration.email, locale: registration.locale },
        params,
        em,
      );
    });
    // With a place at the event, their turn comes at the workshops they wait for.
    for (const registration of next) mails.push(...(await this.programme.admit(em, registration, meeting)));
    return mails;
  }

  /** Places not held by a confirmed or pending registration (a very large number without a capacity). */
  private async freePlaces(em: EntityManager, meeting: Meeting, form: EventForm): Promise<number> {
    if (form.capacity === null) return Number.MAX_SAFE_INTEGER;
    return form.capacity - (await this.registrationRepo.placesTaken(em, meeting.id));
  }

  /** The "your place is confirmed" mail, with the calendar invitation and a fresh private link. */
  private confirmedMail(
    em: EntityManager,
    registration: EventRegistration,
    meeting: Meeting,
    fromWaitlist: boolean,
    kind: 'event-place-confirmed' | 'event-registration' = 'event-place-confirmed',
  ): MailMessage {
    const url = this.link(em, registration);
    const calendar = this.invitation(meeting, registration);
    const to = { email: registration.email, locale: registration.locale };
    // A confirmed place comes with the video call, as the event's public page promises.
    const base = {
      title: meeting.title,
      when: this.when(meeting, registration.locale),
      place: meeting.location,
      link: url,
      onlineUrl: meeting.onlineUrl,
    };
    return kind === 'event-registration'
      ? this.mail.prepare('event-registration', to, { ...base, status: 'CONFIRMED' }, em, calendar)
      : this.mail.prepare('event-place-confirmed', to, { ...base, fromWaitlist }, em, calendar);
  }

  private invitation(
    meeting: Meeting,
    registration: EventRegistration,
    method: 'REQUEST' | 'CANCEL' = 'REQUEST',
  ): MailCalendar {
    const event = meetingIcsEvent(meeting, {
      organizer: { name: 'Convene', email: addressOf(this.config.mailFrom) },
      attendee: { name: registration.name, email: registration.email, partstat: 'ACCEPTED' },
    });
    return { method, ics: buildCalendar({ method, events: [event] }) };
  }

  private when(meeting: Meeting, locale = 'en'): string {
    return formatWhen(meeting.startsAt, meeting.endsAt, meeting.timeZone, locale);
  }

  private async describe(em: EntityManager, meeting: Meeting, form: EventForm): Promise<PublicEvent> {
    const taken = await this.registrationRepo.placesTaken(em, meeting.id);
    const placesLeft = form.capacity === null ? null : Math.max(0, form.capacity - taken);
    const now = Date.now();
    let closedReason: PublicEvent['closedReason'] = null;
    if (meeting.status === MeetingStatus.CANCELLED) closedReason = 'CANCELLED';
    else if (meeting.endsAt.getTime() <= now) closedReason = 'ENDED';
    else if (!form.isOpen) closedReason = 'CLOSED';
    else if (form.deadline && form.deadline.getTime() <= now) closedReason = 'DEADLINE_PASSED';
    else if (placesLeft === 0) closedReason = 'FULL';
    return { meeting, form, placesLeft, closedReason, waitlisted: closedReason === 'FULL' && form.waitlistEnabled };
  }

  /** The deadline as typed, for forms. */
  deadlineInput(form: EventForm, meeting: Meeting): string | null {
    return form.deadline ? formatLocalDateTime(toZoned(form.deadline, meeting.timeZone)) : null;
  }
}

function closedError(reason: NonNullable<PublicEvent['closedReason']>) {
  switch (reason) {
    case 'DEADLINE_PASSED':
      return meetingsErrors.registrationClosed('The registration deadline has passed.');
    case 'CANCELLED':
      return meetingsErrors.registrationClosed('This event was cancelled.');
    case 'ENDED':
      return meetingsErrors.registrationClosed('This event has already taken place.');
    default:
      return meetingsErrors.registrationClosed();
  }
}

function readFields(
  check: InputCheck,
  input: NonNullable<EventFormInput['fields']>,
  language: Locale,
): RegistrationField[] {
  if (input.length > LIMITS.registrationFieldsMax)
    check.fail('fields', `Add at most ${LIMITS.registrationFieldsMax} questions.`);
  // Two questions under one id would share their answers.
  const ids = input.map((f) => f.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) check.fail('fields', 'Each question needs its own id.');
  return input.slice(0, LIMITS.registrationFieldsMax).map((field, i) => {
    const label = check.text(`fields.${i}.label`, field.label, {
      max: LIMITS.registrationFieldLabelMax,
      label: 'The question',
    });
    const kind = check.oneOf(
      `fields.${i}.kind`,
      field.kind,
      Object.values(RegistrationFieldKind),
      'The kind of answer',
    );
    const options = (field.options ?? []).map((o) => o.trim()).filter(Boolean);
    if (kind === RegistrationFieldKind.CHOICE && (options.length < 2 || options.length > LIMITS.registrationChoicesMax))
      check.fail(`fields.${i}.options`, `Give between 2 and ${LIMITS.registrationChoicesMax} choices.`);
    if (options.some((o) => o.length > LIMITS.registrationFieldLabelMax || hasControlCharacters(o)))
      check.fail(`fields.${i}.options`, 'Each choice must be one short line.');
    const id = field.id && /^[a-z0-9-]{1,40}$/.test(field.id) ? field.id : randomUUID().slice(0, 8);
    const shown = kind === RegistrationFieldKind.CHOICE ? [...new Set(options)] : [];
    const translations = readFieldTranslations(check, `fields.${i}`, field.translations, language, shown, {
      label: LIMITS.registrationFieldLabelMax,
    });
    return { id, label, kind, required: Boolean(field.required), options: shown, translations };
  });
}
