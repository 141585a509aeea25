import { Migration } from '@mikro-orm/migrations';

export class Migration20261206160000_OutboxDelivery extends Migration {
  override name = 'Migration20261206160000_OutboxDelivery';

  override up(): void | Promise<void> {
    this.addSql(`drop index "outbox_events_published_at_created_at_index";`);
    this.addSql(`alter table "outbox_events" add "delivered_at" timestamptz null;`);
    // Events published before delivery was recorded were delivered then (a lost one cannot be told
    // from a delivered one any more); those never published are still owed.
    this.addSql(`update "outbox_events" set "delivered_at" = "published_at" where "published_at" is not null;`);
    this.addSql(
      `create index "outbox_events_undelivered_index" on "outbox_events" ("created_at") where "delivered_at" is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "outbox_events_undelivered_index";`);
    this.addSql(`alter table "outbox_events" drop column "delivered_at";`);
    this.addSql(
      `create index "outbox_events_published_at_created_at_index" on "outbox_events" ("published_at", "created_at");`,
    );
  }
}
