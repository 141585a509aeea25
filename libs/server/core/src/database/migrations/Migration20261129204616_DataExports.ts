import { Migration } from '@mikro-orm/migrations';

export class Migration20261129204616_DataExports extends Migration {
  override name = 'Migration20261129204616_DataExports';

  override up(): void | Promise<void> {
    this.addSql(`create type "data_export_status" as enum ('PENDING', 'READY', 'FAILED');`);
    this.addSql(
      `create table "data_exports" ("id" uuid not null, "user_id" uuid not null, "status" "data_export_status" not null default 'PENDING', "created_at" timestamptz not null, "ready_at" timestamptz null, "expires_at" timestamptz null, "size" bigint null, "storage_key" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(`create index "data_exports_user_id_created_at_index" on "data_exports" ("user_id", "created_at");`);

    this.addSql(`alter table "users" add "deleted_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "data_exports" cascade;`);

    this.addSql(`alter table "users" drop column "deleted_at";`);

    this.addSql(`drop type "data_export_status";`);
  }
}
