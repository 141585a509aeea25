import { Migration } from '@mikro-orm/migrations';

/**
 * Web Push: the browsers where people turned notifications on, a push choice per category, and
 * whether each notification was pushed. People who chose a category's channels before keep
 * push where it starts on for everyone (direct things), off elsewhere.
 */
export class Migration20261208200000_WebPush extends Migration {
  override name = 'Migration20261208200000_WebPush';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "push_subscriptions" ("id" uuid not null, "user_id" uuid not null, "endpoint" varchar(1000) not null, "p256dh" varchar(100) not null, "auth" varchar(40) not null, "label" varchar(100) null, "user_agent" varchar(300) null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, "failures" smallint not null default 0, primary key ("id"));`,
    );
    this.addSql(`create index "push_subscriptions_user_id_index" on "push_subscriptions" ("user_id");`);
    this.addSql(
      `alter table "push_subscriptions" add constraint "push_subscriptions_endpoint_unique" unique ("endpoint");`,
    );
    this.addSql(
      `alter table "push_subscriptions" add constraint "push_subscriptions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "notification_channel_preferences" add column "push" boolean not null default false;`);
    this.addSql(
      `update "notification_channel_preferences" set "push" = true where "category"::text in ('JOIN_REQUESTS', 'MEMBERSHIP', 'REPLIES', 'MEETINGS');`,
    );
    this.addSql(`alter table "notification_channel_preferences" alter column "push" drop default;`);
    this.addSql(`alter table "notifications" add column "push" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "push_subscriptions" cascade;`);
    this.addSql(`alter table "notification_channel_preferences" drop column "push";`);
    this.addSql(`alter table "notifications" drop column "push";`);
  }
}
