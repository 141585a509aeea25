import { Migration } from '@mikro-orm/migrations';

export class Migration20261122091442_Discussions extends Migration {
  override name = 'Migration20261122091442_Discussions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "threads" ("id" uuid not null, "group_id" uuid not null, "author_id" uuid not null, "title" varchar(200) not null, "tags" text[] not null, "pinned" boolean not null default false, "locked" boolean not null default false, "post_count" int not null default 1, "created_at" timestamptz not null, "last_activity_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "threads_group_id_last_activity_at_id_index" on "threads" ("group_id", "last_activity_at", "id");`,
    );

    this.addSql(
      `create table "posts" ("id" uuid not null, "thread_id" uuid not null, "parent_id" uuid null, "author_id" uuid not null, "body" text not null, "body_html" text not null, "depth" smallint not null default 0, "created_at" timestamptz not null, "edited_at" timestamptz null, "deleted_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "posts_thread_id_created_at_id_index" on "posts" ("thread_id", "created_at", "id");`);

    this.addSql(`alter type "notification_category" add value if not exists 'DISCUSSIONS' after 'MEMBERSHIP';`);
    this.addSql(`alter type "notification_category" add value if not exists 'REPLIES' after 'DISCUSSIONS';`);

    this.addSql(`alter type "notification_type" add value if not exists 'THREAD_CREATED' after 'ROLE_CHANGED';`);
    this.addSql(`alter type "notification_type" add value if not exists 'POST_REPLY' after 'THREAD_CREATED';`);

    this.addSql(
      `alter table "threads" add constraint "threads_group_id_foreign" foreign key ("group_id") references "working_groups" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "threads" add constraint "threads_author_id_foreign" foreign key ("author_id") references "users" ("id");`,
    );

    this.addSql(
      `alter table "posts" add constraint "posts_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "posts" add constraint "posts_parent_id_foreign" foreign key ("parent_id") references "posts" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "posts" add constraint "posts_author_id_foreign" foreign key ("author_id") references "users" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "posts" drop constraint "posts_thread_id_foreign";`);
    this.addSql(`alter table "posts" drop constraint "posts_parent_id_foreign";`);

    this.addSql(`drop table if exists "threads" cascade;`);
    this.addSql(`drop table if exists "posts" cascade;`);
  }
}
