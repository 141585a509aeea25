import { Migration } from '@mikro-orm/migrations';

export class Migration20261122074622_NotificationPreferences extends Migration {
  override name = 'Migration20261122074622_NotificationPreferences';

  override up(): void | Promise<void> {
    this.addSql(`create type "notification_category" as enum ('JOIN_REQUESTS', 'MEMBERSHIP');`);
    this.addSql(`create type "email_delivery" as enum ('IMMEDIATE', 'DIGEST', 'NONE');`);
    this.addSql(`create type "group_notification_level" as enum ('ALL', 'INVOLVING_ME', 'MUTED');`);
    this.addSql(`create type "digest_frequency" as enum ('DAILY', 'WEEKLY');`);
    this.addSql(
      `create table "notification_channel_preferences" ("user_id" uuid not null, "category" "notification_category" not null, "in_app" boolean not null, "email" "email_delivery" not null, primary key ("user_id", "category"));`,
    );

    this.addSql(
      `create table "group_notification_preferences" ("user_id" uuid not null, "group_id" uuid not null, "level" "group_notification_level" not null, primary key ("user_id", "group_id"));`,
    );

    this.addSql(
      `create table "notification_settings" ("user_id" uuid not null, "content_free" boolean not null default false, "digest_frequency" "digest_frequency" not null default 'DAILY', "digest_hour" smallint not null default 8, "digest_weekday" smallint not null default 1, "last_digest_at" timestamptz null, "unsubscribe_key" varchar(64) not null, primary key ("user_id"));`,
    );

    this.addSql(
      `alter table "mail_messages" add "message_id" varchar(200) null, add "unsubscribe_url" varchar(500) null;`,
    );
    this.addSql(`alter table "mail_messages" add constraint "mail_messages_message_id_unique" unique ("message_id");`);

    this.addSql(
      `alter table "notifications" add "in_app" boolean not null default true, add "email" "email_delivery" not null default 'NONE', add "emailed_at" timestamptz null;`,
    );
    this.addSql(
      `create index "notifications_email_pending_index" on "notifications" ("email", "recipient_id") where "emailed_at" is null and "email" <> 'NONE';`,
    );

    this.addSql(`alter table "working_groups" add "content_free_notifications" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_channel_preferences" cascade;`);
    this.addSql(`drop table if exists "group_notification_preferences" cascade;`);
    this.addSql(`drop table if exists "notification_settings" cascade;`);

    this.addSql(`alter table "mail_messages" drop constraint "mail_messages_message_id_unique";`);
    this.addSql(`alter table "mail_messages" drop column "message_id", drop column "unsubscribe_url";`);

    this.addSql(`drop index "notifications_email_pending_index";`);
    this.addSql(`alter table "notifications" drop column "in_app", drop column "email", drop column "emailed_at";`);

    this.addSql(`alter table "working_groups" drop column "content_free_notifications";`);

    this.addSql(`drop type "notification_category";`);
    this.addSql(`drop type "email_delivery";`);
    this.addSql(`drop type "group_notification_level";`);
    this.addSql(`drop type "digest_frequency";`);
  }
}
