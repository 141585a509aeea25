import { Migration } from '@mikro-orm/migrations';

/** Network admins archive working groups (read-only, out of lists) and restore them; both are audited. */
export class Migration20261209120000_GroupArchiving extends Migration {
  override name = 'Migration20261209120000_GroupArchiving';

  override up(): void | Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'GROUP_ARCHIVED' after 'GROUP_SETTINGS_CHANGED';`);
    this.addSql(`alter type "audit_action" add value if not exists 'GROUP_RESTORED' after 'GROUP_ARCHIVED';`);

    this.addSql(`alter table "working_groups" add "archived_at" timestamptz null, add "archived_by_id" uuid null;`);
    this.addSql(
      `alter table "working_groups" add constraint "working_groups_archived_by_id_foreign" foreign key ("archived_by_id") references "users" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "working_groups" drop constraint "working_groups_archived_by_id_foreign";`);

    this.addSql(`alter table "working_groups" drop column "archived_at", drop column "archived_by_id";`);
  }
}
