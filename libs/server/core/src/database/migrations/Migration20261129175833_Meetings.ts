import { Migration } from '@mikro-orm/migrations';

export class Migration20261129175833_Meetings extends Migration {
  override name = 'Migration20261129175833_Meetings';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "registration_status" as enum ('PENDING', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED');`,
    );
    this.addSql(`create type "poll_status" as enum ('OPEN', 'DECIDED', 'CLOSED');`);
    this.addSql(`create type "poll_answer" as enum ('YES', 'IF_NEED_BE', 'NO');`);
    this.addSql(`create type "rsvp_response" as enum ('GOING', 'MAYBE', 'NOT_GOING');`);
    this.addSql(`create type "recurrence_frequency" as enum ('WEEKLY', 'MONTHLY_BY_WEEKDAY');`);
    this.addSql(`create type "meeting_status" as enum ('SCHEDULED', 'CANCELLED');`);
    this.addSql(
      `create table "calendar_feeds" ("user_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, primary key ("user_id"));`,
    );
    this.addSql(
      `alter table "calendar_feeds" add constraint "calendar_feeds_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "event_forms" ("meeting_id" uuid not null, "slug" varchar(64) not null, "is_open" boolean not null default true, "capacity" int null, "waitlist_enabled" boolean not null default true, "deadline" timestamptz null, "requires_approval" boolean not null default false, "retention_days" int not null default 30, "consent_text" text not null, "fields" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("meeting_id"));`,
    );
    this.addSql(`alter table "event_forms" add constraint "event_forms_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "event_registrations" ("id" uuid not null, "meeting_id" uuid not null, "name" varchar(120) not null, "email" varchar(254) not null, "email_key" varchar(254) null, "organisation" varchar(120) not null default '', "locale" varchar(8) not null default 'en', "answers" jsonb not null, "status" "registration_status" not null, "checked_in_at" timestamptz null, "cancelled_at" timestamptz null, "anonymised_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create unique index "event_registrations_meeting_email_unique" on "event_registrations" ("meeting_id", "email_key") where "email_key" is not null;`,
    );
    this.addSql(
      `create index "event_registrations_meeting_id_status_created_at_index" on "event_registrations" ("meeting_id", "status", "created_at");`,
    );

    this.addSql(
      `create table "event_registration_links" ("token_hash" varchar(64) not null, "registration_id" uuid not null, "created_at" timestamptz not null, primary key ("token_hash"));`,
    );
    this.addSql(
      `create index "event_registration_links_registration_id_index" on "event_registration_links" ("registration_id");`,
    );

    this.addSql(
      `create table "meeting_polls" ("id" uuid not null, "group_id" uuid not null, "title" varchar(200) not null, "description" text not null default '', "time_zone" varchar(64) not null, "location" text not null default '', "accessibility_notes" text not null default '', "online_url" text null, "status" "poll_status" not null default 'OPEN', "meeting_id" uuid null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "meeting_polls_group_id_status_index" on "meeting_polls" ("group_id", "status");`);

    this.addSql(
      `create table "meeting_poll_slots" ("id" uuid not null, "poll_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "meeting_poll_slots_poll_id_starts_at_index" on "meeting_poll_slots" ("poll_id", "starts_at");`,
    );

    this.addSql(
      `create table "meeting_poll_votes" ("slot_id" uuid not null, "user_id" uuid not null, "poll_id" uuid not null, "answer" "poll_answer" not null, "updated_at" timestamptz not null, primary key ("slot_id", "user_id"));`,
    );
    this.addSql(`create index "meeting_poll_votes_poll_id_index" on "meeting_poll_votes" ("poll_id");`);

    this.addSql(
      `create table "meeting_rsvps" ("meeting_id" uuid not null, "user_id" uuid not null, "response" "rsvp_response" not null, "note" varchar(500) not null default '', "updated_at" timestamptz not null, primary key ("meeting_id", "user_id"));`,
    );
    this.addSql(`create index "meeting_rsvps_user_id_index" on "meeting_rsvps" ("user_id");`);

    this.addSql(
      `create table "meeting_series" ("id" uuid not null, "group_id" uuid not null, "frequency" "recurrence_frequency" not null, "interval" smallint not null, "count" smallint null, "until" timestamptz null, "time_zone" varchar(64) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "meetings" ("id" uuid not null, "group_id" uuid not null, "series_id" uuid null, "title" varchar(200) not null, "description" text not null default '', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "time_zone" varchar(64) not null, "location" text not null default '', "accessibility_notes" text not null default '', "online_url" text null, "status" "meeting_status" not null default 'SCHEDULED', "sequence" int not null default 0, "reminder_minutes" int[] not null, "agenda_document_id" uuid null, "agenda_text" text not null default '', "minutes_document_id" uuid null, "minutes_text" text not null default '', "thread_id" uuid null, "poll_id" uuid null, "created_by_id" uuid not null, "cancelled_at" timestamptz null, "cancellation_reason" varchar(500) not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "meetings_series_id_starts_at_index" on "meetings" ("series_id", "starts_at");`);
    this.addSql(`create index "meetings_group_id_starts_at_index" on "meetings" ("group_id", "starts_at");`);

    this.addSql(`alter type "notification_category" add value if not exists 'MEETINGS' after 'DOCUMENTS';`);
    this.addSql(`alter type "notification_category" add value if not exists 'REGISTRATIONS' after 'MEETINGS';`);

    this.addSql(`alter table "mail_messages" add "calendar" text null, add "calendar_method" varchar(16) null;`);

    this.addSql(`alter type "notification_type" add value if not exists 'MEETING_SCHEDULED' after 'DOCUMENT_UPDATED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'MEETING_UPDATED' after 'MEETING_SCHEDULED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'MEETING_CANCELLED' after 'MEETING_UPDATED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'MEETING_REMINDER' after 'MEETING_CANCELLED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'POLL_OPENED' after 'MEETING_REMINDER';`);
    this.addSql(`alter type "notification_type" add value if not exists 'EVENT_REGISTRATION' after 'POLL_OPENED';`);

    this.addSql(
      `alter table "meetings" add constraint "meetings_group_id_foreign" foreign key ("group_id") references "working_groups" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "meetings" add constraint "meetings_series_id_foreign" foreign key ("series_id") references "meeting_series" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "meetings" add constraint "meetings_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "meetings" drop constraint "meetings_series_id_foreign";`);

    this.addSql(`drop table if exists "calendar_feeds" cascade;`);
    this.addSql(`drop table if exists "event_forms" cascade;`);
    this.addSql(`drop table if exists "event_registrations" cascade;`);
    this.addSql(`drop table if exists "event_registration_links" cascade;`);
    this.addSql(`drop table if exists "meeting_polls" cascade;`);
    this.addSql(`drop table if exists "meeting_poll_slots" cascade;`);
    this.addSql(`drop table if exists "meeting_poll_votes" cascade;`);
    this.addSql(`drop table if exists "meeting_rsvps" cascade;`);
    this.addSql(`drop table if exists "meeting_series" cascade;`);
    this.addSql(`drop table if exists "meetings" cascade;`);

    this.addSql(`alter table "mail_messages" drop column "calendar", drop column "calendar_method";`);

    this.addSql(`drop type "registration_status";`);
    this.addSql(`drop type "poll_status";`);
    this.addSql(`drop type "poll_answer";`);
    this.addSql(`drop type "rsvp_response";`);
    this.addSql(`drop type "recurrence_frequency";`);
    this.addSql(`drop type "meeting_status";`);
  }
}
