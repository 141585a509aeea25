import { Migration } from '@mikro-orm/migrations';

/** A person's unread notifications, counted on the bell and with every notification pushed to them. */
export class Migration20261207100000_UnreadNotificationsIndex extends Migration {
  override name = 'Migration20261207100000_UnreadNotificationsIndex';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "notifications_unread_index" on "notifications" ("recipient_id") where "in_app" and "read_at" is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "notifications_unread_index";`);
  }
}
