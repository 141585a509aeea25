import { Migration } from '@mikro-orm/migrations';

export class Migration20261128193743_DiscussionsModeration extends Migration {
  override name = 'Migration20261128193743_DiscussionsModeration';

  override up(): void | Promise<void> {
    // Search folds accents and case: English stemming over unaccented words ("Lucía" finds "lucia").
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create text search configuration convene_search (copy = english);`);
    this.addSql(
      `alter text search configuration convene_search alter mapping for hword, hword_part, word with unaccent, english_stem;`,
    );
    this.addSql(`create type "reaction" as enum ('THUMBS_UP', 'HEART', 'CELEBRATE', 'THANKS', 'EYES');`);
    this.addSql(`create type "thread_notification_level" as enum ('WATCHING', 'NORMAL', 'MUTED');`);
    this.addSql(
      `create table "post_reactions" ("post_id" uuid not null, "user_id" uuid not null, "reaction" "reaction" not null, "created_at" timestamptz not null, primary key ("post_id", "user_id", "reaction"));`,
    );
    this.addSql(`create index "post_reactions_post_id_reaction_index" on "post_reactions" ("post_id", "reaction");`);

    this.addSql(
      `create table "thread_notification_preferences" ("user_id" uuid not null, "thread_id" uuid not null, "level" "thread_notification_level" not null, primary key ("user_id", "thread_id"));`,
    );

    this.addSql(
      `create table "thread_reads" ("user_id" uuid not null, "thread_id" uuid not null, "read_count" int not null, "read_at" timestamptz not null, primary key ("user_id", "thread_id"));`,
    );

    this.addSql(
      `create table "post_revisions" ("id" uuid not null, "post_id" uuid not null, "body" text not null, "body_html" text not null, "written_at" timestamptz not null, "replaced_at" timestamptz not null, "editor_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "post_revisions_post_id_replaced_at_index" on "post_revisions" ("post_id", "replaced_at");`,
    );

    this.addSql(`alter type "notification_type" add value if not exists 'MENTIONED' after 'POST_REPLY';`);
    this.addSql(`alter type "notification_type" add value if not exists 'POST_HIDDEN' after 'MENTIONED';`);

    this.addSql(`drop index "threads_group_id_last_activity_at_id_index";`);
    this.addSql(
      `alter table "threads" add "search_vector" tsvector generated always as (to_tsvector('convene_search'::regconfig, (title)::text)) stored null;`,
    );
    this.addSql(`create index "threads_search_vector_index" on "threads" using gin ("search_vector");`);
    this.addSql(
      `create index "threads_group_id_pinned_last_activity_at_id_index" on "threads" ("group_id", "pinned", "last_activity_at", "id");`,
    );

    this.addSql(
      `alter table "posts" add "hidden_at" timestamptz null, add "hidden_reason" varchar(500) null, add "hidden_by_id" uuid null, add "mentioned_ids" text[] not null default '{}', add "search_vector" tsvector generated always as (to_tsvector('convene_search'::regconfig, body)) stored null;`,
    );
    this.addSql(
      `alter table "posts" add constraint "posts_hidden_by_id_foreign" foreign key ("hidden_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`create index "posts_search_vector_index" on "posts" using gin ("search_vector");`);

    this.addSql(
      `alter table "post_revisions" add constraint "post_revisions_post_id_foreign" foreign key ("post_id") references "posts" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "post_revisions" add constraint "post_revisions_editor_id_foreign" foreign key ("editor_id") references "users" ("id");`,
    );
    // People who already started or replied in a discussion watch it, as they will from now on.
    this.addSql(
      `insert into "thread_notification_preferences" ("user_id", "thread_id", "level") select distinct "author_id", "thread_id", 'WATCHING'::thread_notification_level from "posts" on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "post_reactions" cascade;`);
    this.addSql(`drop table if exists "thread_notification_preferences" cascade;`);
    this.addSql(`drop table if exists "thread_reads" cascade;`);
    this.addSql(`drop table if exists "post_revisions" cascade;`);

    this.addSql(`alter table "posts" drop constraint "posts_hidden_by_id_foreign";`);

    this.addSql(`drop index "posts_search_vector_index";`);
    this.addSql(
      `alter table "posts" drop column "hidden_at", drop column "hidden_reason", drop column "hidden_by_id", drop column "mentioned_ids", drop column "search_vector";`,
    );

    this.addSql(`drop index "threads_search_vector_index";`);
    this.addSql(`drop index "threads_group_id_pinned_last_activity_at_id_index";`);
    this.addSql(`alter table "threads" drop column "search_vector";`);
    this.addSql(
      `create index "threads_group_id_last_activity_at_id_index" on "threads" ("group_id", "last_activity_at", "id");`,
    );

    this.addSql(`drop type "reaction";`);
    this.addSql(`drop type "thread_notification_level";`);
    this.addSql(`drop text search configuration convene_search;`);
  }
}
