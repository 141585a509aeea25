import { Migration } from '@mikro-orm/migrations';

/** A meeting can be hosted jointly by several groups: the others besides the one it was scheduled in. */
export class Migration20261209140000_MeetingHosts extends Migration {
  override name = 'Migration20261209140000_MeetingHosts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "meetings" add "co_host_ids" uuid[] not null default '{}';`);
    this.addSql(`create index "meetings_co_host_ids_index" on "meetings" using gin ("co_host_ids");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "meetings_co_host_ids_index";`);
    this.addSql(`alter table "meetings" drop column "co_host_ids";`);
  }
}
