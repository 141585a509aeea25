import { Migration } from '@mikro-orm/migrations';

export class Migration20261122045354_Initial extends Migration {
  override name = 'Migration20261122045354_Initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "mail_status" as enum ('queued', 'sent', 'failed');`);
    this.addSql(`create type "sign_up_mode" as enum ('OPEN', 'INVITATION_ONLY');`);
    this.addSql(`create type "network_role" as enum ('ADMIN', 'MEMBER');`);
    this.addSql(`create type "membership_role" as enum ('CONVENOR', 'MEMBER', 'OBSERVER');`);
    this.addSql(`create type "join_policy" as enum ('OPEN', 'REQUEST', 'INVITE_ONLY');`);
    this.addSql(`create type "member_list_visibility" as enum ('MEMBERS', 'CONVENORS');`);
    this.addSql(`create type "membership_status" as enum ('PENDING', 'INVITED', 'ACTIVE');`);
    this.addSql(
      `create table "mail_messages" ("id" uuid not null, "to_address" varchar(254) not null, "subject" varchar(300) not null, "text_body" text not null, "html_body" text not null, "kind" varchar(64) not null, "status" "mail_status" not null default 'queued', "transport" varchar(16) null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "mail_messages_status_created_at_index" on "mail_messages" ("status", "created_at");`);

    this.addSql(
      `create table "network_settings" ("id" int not null default 1, "sign_up_mode" "sign_up_mode" not null default 'INVITATION_ONLY', "updated_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "partner_organisations" ("id" uuid not null, "name" varchar(120) not null, "website" varchar(300) null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "partner_organisations" add constraint "partner_organisations_name_unique" unique ("name");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(80) not null, "password_hash" varchar(200) not null, "locale" varchar(8) not null default 'en', "time_zone" varchar(64) not null default 'Europe/London', "network_role" "network_role" not null default 'MEMBER', "organisation_id" uuid null, "created_at" timestamptz not null, "password_changed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "user_agent" varchar(300) null, primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(
      `create table "invitations" ("id" uuid not null, "email" varchar(254) not null, "token_hash" varchar(64) not null, "invited_by_id" uuid not null, "group_id" uuid null, "group_role" "membership_role" null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invitations_email_index" on "invitations" ("email");`);

    this.addSql(
      `create table "working_groups" ("id" uuid not null, "slug" varchar(48) not null, "name" varchar(80) not null, "purpose" text not null, "join_policy" "join_policy" not null default 'REQUEST', "member_list_visibility" "member_list_visibility" not null default 'MEMBERS', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "working_groups" add constraint "working_groups_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "memberships" ("id" uuid not null, "group_id" uuid not null, "user_id" uuid not null, "role" "membership_role" not null default 'MEMBER', "status" "membership_status" not null default 'PENDING', "message" varchar(500) null, "created_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "memberships_user_id_index" on "memberships" ("user_id");`);
    this.addSql(
      `alter table "memberships" add constraint "memberships_group_id_user_id_unique" unique ("group_id", "user_id");`,
    );

    this.addSql(
      `alter table "users" add constraint "users_organisation_id_foreign" foreign key ("organisation_id") references "partner_organisations" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "memberships" add constraint "memberships_group_id_foreign" foreign key ("group_id") references "working_groups" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop constraint "users_organisation_id_foreign";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);
    this.addSql(`alter table "invitations" drop constraint "invitations_invited_by_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_decided_by_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_group_id_foreign";`);

    this.addSql(`drop table if exists "mail_messages" cascade;`);
    this.addSql(`drop table if exists "network_settings" cascade;`);
    this.addSql(`drop table if exists "partner_organisations" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "invitations" cascade;`);
    this.addSql(`drop table if exists "working_groups" cascade;`);
    this.addSql(`drop table if exists "memberships" cascade;`);

    this.addSql(`drop type "mail_status";`);
    this.addSql(`drop type "sign_up_mode";`);
    this.addSql(`drop type "network_role";`);
    this.addSql(`drop type "membership_role";`);
    this.addSql(`drop type "join_policy";`);
    this.addSql(`drop type "member_list_visibility";`);
    this.addSql(`drop type "membership_status";`);
  }
}
