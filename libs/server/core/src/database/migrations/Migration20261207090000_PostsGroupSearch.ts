import { Migration } from '@mikro-orm/migrations';

/**
 * A post carries its thread's group, so that search finds the matching posts of some groups in the
 * index alone (one GIN index on group and words, from btree_gin), instead of reading every match in
 * the network and keeping those of the viewer's groups. The database keeps it: a post takes its
 * thread's group when written, and a thread's posts follow it when it moves to another group. (The
 * column may be null as far as the ORM knows, which never writes it; the trigger always does.)
 */
export class Migration20261207090000_PostsGroupSearch extends Migration {
  override name = 'Migration20261207090000_PostsGroupSearch';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(`alter table "posts" add column "group_id" uuid null;`);
    this.addSql(`update "posts" p set "group_id" = t."group_id" from "threads" t where t."id" = p."thread_id";`);
    this.addSql(
      `create or replace function "posts_take_thread_group_fn"() returns trigger as $$ begin new.group_id := (select group_id from threads where id = new.thread_id); return new; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "take_thread_group" BEFORE INSERT on "posts" for each ROW execute function "posts_take_thread_group_fn"();`,
    );
    this.addSql(
      `create or replace function "threads_give_posts_group_fn"() returns trigger as $$ begin if new.group_id is distinct from old.group_id then update posts set group_id = new.group_id where thread_id = new.id; end if; return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "give_posts_group" AFTER UPDATE on "threads" for each ROW execute function "threads_give_posts_group_fn"();`,
    );
    this.addSql(`drop index "posts_search_vector_index";`);
    this.addSql(
      `create index "posts_group_id_search_vector_index" on "posts" using gin ("group_id", "search_vector");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "posts_group_id_search_vector_index";`);
    this.addSql(`create index "posts_search_vector_index" on "posts" using gin ("search_vector");`);
    this.addSql(`drop trigger if exists "give_posts_group" on "threads";`);
    this.addSql(`drop function if exists "threads_give_posts_group_fn"();`);
    this.addSql(`drop trigger if exists "take_thread_group" on "posts";`);
    this.addSql(`drop function if exists "posts_take_thread_group_fn"();`);
    this.addSql(`alter table "posts" drop column "group_id";`);
  }
}
