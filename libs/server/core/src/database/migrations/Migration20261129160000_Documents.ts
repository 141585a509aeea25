import { Migration } from '@mikro-orm/migrations';

export class Migration20261129160000_Documents extends Migration {
  override name = 'Migration20261129160000_Documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "document_folders" ("id" uuid not null, "group_id" uuid not null, "parent_id" uuid null, "name" varchar(120) not null, "created_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create unique index "document_folders_sibling_name_unique" on "document_folders" ("group_id", "parent_id", lower("name")) nulls not distinct;`,
    );
    this.addSql(
      `create table "documents" ("id" uuid not null, "group_id" uuid not null, "folder_id" uuid null, "title" varchar(255) not null, "description" text not null default '', "tags" text[] not null, "content_type" varchar(127) not null, "size" bigint not null, "version_count" int not null default 1, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, "deleted_by_id" uuid null, "thread_id" uuid null, "extracted_text" text null, "search_vector" tsvector generated always as (setweight(to_tsvector('convene_search'::regconfig, (((title)::text || ' '::text) || regexp_replace((title)::text, '[._-]+'::text, ' '::text, 'g'::text))), 'A') || setweight(to_tsvector('convene_search'::regconfig, description), 'B') || setweight(to_tsvector('convene_search'::regconfig, coalesce(left(extracted_text, 500000), '')), 'C')) stored null, primary key ("id"));`,
    );
    this.addSql(
      `create index "documents_group_id_deleted_at_updated_at_id_index" on "documents" ("group_id", "deleted_at", "updated_at", "id");`,
    );
    this.addSql(`create index "documents_search_vector_index" on "documents" using gin ("search_vector");`);
    this.addSql(
      `create table "document_versions" ("id" uuid not null, "document_id" uuid not null, "number" int not null, "file_name" varchar(255) not null, "storage_key" varchar(100) not null, "size" bigint not null, "sha256" char(64) not null, "content_type" varchar(127) not null, "uploaded_by_id" uuid not null, "created_at" timestamptz not null, "restored_from" int null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "document_versions" add constraint "document_versions_document_id_number_unique" unique ("document_id", "number");`,
    );
    this.addSql(
      `create table "document_thread_links" ("document_id" uuid not null, "thread_id" uuid not null, "linked_by_id" uuid not null, "created_at" timestamptz not null, primary key ("document_id", "thread_id"));`,
    );
    this.addSql(`create index "document_thread_links_thread_id_index" on "document_thread_links" ("thread_id");`);
    this.addSql(
      `create table "document_settings" ("id" int not null default 1, "allowed_types" text[] not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `alter table "document_folders" add constraint "document_folders_group_id_foreign" foreign key ("group_id") references "working_groups" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "document_folders" add constraint "document_folders_parent_id_foreign" foreign key ("parent_id") references "document_folders" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_group_id_foreign" foreign key ("group_id") references "working_groups" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_folder_id_foreign" foreign key ("folder_id") references "document_folders" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id");`,
    );
    this.addSql(
      `alter table "document_versions" add constraint "document_versions_document_id_foreign" foreign key ("document_id") references "documents" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "document_versions" add constraint "document_versions_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id");`,
    );

    this.addSql(`alter type "notification_category" add value if not exists 'DOCUMENTS' after 'REPLIES';`);
    this.addSql(`alter type "notification_type" add value if not exists 'DOCUMENT_ADDED' after 'POST_HIDDEN';`);
    this.addSql(`alter type "notification_type" add value if not exists 'DOCUMENT_UPDATED' after 'DOCUMENT_ADDED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "document_versions" cascade;`);
    this.addSql(`drop table if exists "documents" cascade;`);
    this.addSql(`drop table if exists "document_folders" cascade;`);
    this.addSql(`drop table if exists "document_settings" cascade;`);
    this.addSql(`drop table if exists "document_thread_links" cascade;`);
  }
}
