import { Migration } from '@mikro-orm/migrations';

export class Migration20261206233000_ThreadWatchersIndex extends Migration {
  override name = 'Migration20261206233000_ThreadWatchersIndex';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "thread_notification_preferences_thread_id_index" on "thread_notification_preferences" ("thread_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "thread_notification_preferences_thread_id_index";`);
  }
}
