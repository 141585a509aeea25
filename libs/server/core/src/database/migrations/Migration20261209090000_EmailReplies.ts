import { Migration } from '@mikro-orm/migrations';

/**
 * Replies by email: each person's reply address per discussion, the mails taken in as posts (so a
 * mail delivered twice is posted once), and a notification mail's reply address and conversation.
 */
export class Migration20261209090000_EmailReplies extends Migration {
  override name = 'Migration20261209090000_EmailReplies';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "inbound_mails" ("key" varchar(64) not null, "user_id" uuid not null, "post_id" uuid null, "received_at" timestamptz not null, primary key ("key"));`,
    );
    this.addSql(`create index "inbound_mails_user_id_index" on "inbound_mails" ("user_id");`);

    this.addSql(
      `create table "reply_addresses" ("id" uuid not null, "token" varchar(32) not null, "user_id" uuid not null, "thread_id" uuid not null, "membership_id" uuid not null, "password_stamp" timestamptz not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "reply_addresses" add constraint "reply_addresses_token_unique" unique ("token");`);
    this.addSql(
      `alter table "reply_addresses" add constraint "reply_addresses_user_id_thread_id_unique" unique ("user_id", "thread_id");`,
    );

    this.addSql(
      `alter table "mail_messages" add "reply_to" varchar(254) null, add "conversation_id" varchar(200) null;`,
    );

    this.addSql(
      `alter table "inbound_mails" add constraint "inbound_mails_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "reply_addresses" add constraint "reply_addresses_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "reply_addresses" add constraint "reply_addresses_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "inbound_mails" cascade;`);
    this.addSql(`drop table if exists "reply_addresses" cascade;`);

    this.addSql(`alter table "mail_messages" drop column "reply_to", drop column "conversation_id";`);
  }
}
