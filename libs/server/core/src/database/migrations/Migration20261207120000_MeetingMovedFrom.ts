import { Migration } from '@mikro-orm/migrations';

/** A meeting of a series moved on its own keeps the start its series gave it. */
export class Migration20261207120000_MeetingMovedFrom extends Migration {
  override name = 'Migration20261207120000_MeetingMovedFrom';

  override up(): void | Promise<void> {
    this.addSql(`alter table "meetings" add column "moved_from" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "meetings" drop column "moved_from";`);
  }
}
