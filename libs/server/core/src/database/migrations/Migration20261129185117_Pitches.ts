import { Migration } from '@mikro-orm/migrations';

export class Migration20261129185117_Pitches extends Migration {
  override name = 'Migration20261129185117_Pitches';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "organisation_type" as enum ('COMMUNITY_ORGANISATION', 'NGO', 'FAITH_ORGANISATION', 'RESEARCH', 'OTHER');`,
    );
    this.addSql(
      `create type "pitch_status" as enum ('RECEIVED', 'UNDER_REVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');`,
    );
    this.addSql(`create type "pitch_message_author" as enum ('PARTNER', 'CONVENOR');`);
    this.addSql(
      `create table "pitches" ("id" uuid not null, "form_id" uuid not null, "organisation_name" varchar(120) not null, "organisation_type" "organisation_type" not null, "contact_name" varchar(120) not null, "contact_email" varchar(254) not null, "title" varchar(200) not null, "summary" text not null, "help_wanted" text not null, "group_ids" uuid[] not null, "not_sure" boolean not null default false, "answers" jsonb not null, "status" "pitch_status" not null default 'RECEIVED', "decline_reason" text not null default '', "accepted_group_id" uuid null, "thread_id" uuid null, "consent_text" text not null, "retention_days" int not null, "locale" varchar(8) not null default 'en', "closed_at" timestamptz null, "anonymised_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "pitches_group_ids_index" on "pitches" using gin ("group_ids");`);
    this.addSql(`create index "pitches_status_created_at_index" on "pitches" ("status", "created_at");`);

    this.addSql(
      `create table "pitch_attachments" ("id" uuid not null, "pitch_id" uuid null, "claim_hash" varchar(64) not null, "file_name" varchar(255) not null, "storage_key" varchar(100) not null, "size" bigint not null, "sha256" char(64) not null, "content_type" varchar(127) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "pitch_attachments_created_at_index" on "pitch_attachments" ("created_at");`);
    this.addSql(`create index "pitch_attachments_pitch_id_index" on "pitch_attachments" ("pitch_id");`);

    this.addSql(
      `create table "pitch_forms" ("id" uuid not null, "slug" varchar(64) not null, "title" varchar(200) not null, "intro" text not null default '', "is_open" boolean not null default true, "fields" jsonb not null, "consent_text" text not null, "retention_days" int not null default 365, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "pitch_forms" add constraint "pitch_forms_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "pitch_links" ("token_hash" varchar(64) not null, "pitch_id" uuid not null, "created_at" timestamptz not null, primary key ("token_hash"));`,
    );
    this.addSql(`create index "pitch_links_pitch_id_index" on "pitch_links" ("pitch_id");`);

    this.addSql(
      `create table "pitch_messages" ("id" uuid not null, "pitch_id" uuid not null, "author" "pitch_message_author" not null, "author_id" uuid null, "body" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "pitch_messages_pitch_id_created_at_index" on "pitch_messages" ("pitch_id", "created_at");`,
    );

    this.addSql(
      `create table "pitch_notes" ("id" uuid not null, "pitch_id" uuid not null, "author_id" uuid not null, "body" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "pitch_notes_pitch_id_created_at_index" on "pitch_notes" ("pitch_id", "created_at");`);

    this.addSql(
      `create table "pitch_reviewers" ("pitch_id" uuid not null, "user_id" uuid not null, "assigned_by_id" uuid not null, "assigned_at" timestamptz not null, primary key ("pitch_id", "user_id"));`,
    );
    this.addSql(`create index "pitch_reviewers_user_id_index" on "pitch_reviewers" ("user_id");`);

    this.addSql(`alter type "notification_category" add value if not exists 'PITCHES' after 'REGISTRATIONS';`);

    this.addSql(`alter type "notification_type" add value if not exists 'PITCH_RECEIVED' after 'EVENT_REGISTRATION';`);
    this.addSql(`alter type "notification_type" add value if not exists 'PITCH_ASSIGNED' after 'PITCH_RECEIVED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'PITCH_REPLY' after 'PITCH_ASSIGNED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pitches" cascade;`);
    this.addSql(`drop table if exists "pitch_attachments" cascade;`);
    this.addSql(`drop table if exists "pitch_forms" cascade;`);
    this.addSql(`drop table if exists "pitch_links" cascade;`);
    this.addSql(`drop table if exists "pitch_messages" cascade;`);
    this.addSql(`drop table if exists "pitch_notes" cascade;`);
    this.addSql(`drop table if exists "pitch_reviewers" cascade;`);

    this.addSql(`drop type "organisation_type";`);
    this.addSql(`drop type "pitch_status";`);
    this.addSql(`drop type "pitch_message_author";`);
  }
}
