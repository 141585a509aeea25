import { Migration } from '@mikro-orm/migrations';

/** Network events (meetings without a group) and the organisers network admins name to run them. */
export class Migration20261209150000_NetworkEvents extends Migration {
  override name = 'Migration20261209150000_NetworkEvents';

  override up(): void | Promise<void> {
    this.addSql(`alter type "network_role" add value if not exists 'ORGANISER' after 'ADMIN';`);
    this.addSql(`alter table "meetings" alter column "group_id" drop not null;`);
  }

  override down(): void | Promise<void> {
    // The enum value stays (PostgreSQL cannot drop one); organisers become members.
    this.addSql(`update "users" set "network_role" = 'MEMBER' where "network_role" = 'ORGANISER';`);
    this.addSql(`delete from "meetings" where "group_id" is null;`);
    this.addSql(`alter table "meetings" alter column "group_id" set not null;`);
  }
}
