import { Migration } from '@mikro-orm/migrations';

/** A discussion's title and tags can be edited by its author and convenors: what an edit replaced, and when it last changed. */
export class Migration20261209100000_ThreadEdits extends Migration {
  override name = 'Migration20261209100000_ThreadEdits';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "thread_revisions" ("id" uuid not null, "thread_id" uuid not null, "title" varchar(200) not null, "tags" text[] not null, "replaced_at" timestamptz not null, "editor_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "thread_revisions_thread_id_replaced_at_index" on "thread_revisions" ("thread_id", "replaced_at");`,
    );

    this.addSql(`alter table "threads" add "edited_at" timestamptz null;`);

    this.addSql(
      `alter table "thread_revisions" add constraint "thread_revisions_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "thread_revisions" add constraint "thread_revisions_editor_id_foreign" foreign key ("editor_id") references "users" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "thread_revisions" cascade;`);

    this.addSql(`alter table "threads" drop column "edited_at";`);
  }
}
