import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060230_Notifications extends Migration {
  override name = 'Migration20261122060230_Notifications';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "notification_type" as enum ('JOIN_REQUESTED', 'MEMBERSHIP_APPROVED', 'MEMBERSHIP_DECLINED', 'GROUP_INVITATION', 'ROLE_CHANGED');`,
    );
    this.addSql(
      `create table "notifications" ("id" uuid not null, "recipient_id" uuid not null, "seq" bigint not null, "event_id" uuid not null, "type" "notification_type" not null, "group_id" uuid null, "actor_id" uuid null, "subject_id" uuid null, "created_at" timestamptz not null, "read_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "notifications_recipient_id_seq_index" on "notifications" ("recipient_id", "seq");`);
    this.addSql(
      `alter table "notifications" add constraint "notifications_event_id_recipient_id_unique" unique ("event_id", "recipient_id");`,
    );

    this.addSql(
      `create table "notification_sequences" ("user_id" uuid not null, "last_seq" bigint not null, primary key ("user_id"));`,
    );

    this.addSql(
      `create table "outbox_events" ("id" uuid not null, "type" varchar(64) not null, "payload" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_events_published_at_created_at_index" on "outbox_events" ("published_at", "created_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications" cascade;`);
    this.addSql(`drop table if exists "notification_sequences" cascade;`);
    this.addSql(`drop table if exists "outbox_events" cascade;`);

    this.addSql(`drop type "notification_type";`);
  }
}
