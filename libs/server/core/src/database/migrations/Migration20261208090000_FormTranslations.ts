import { Migration } from '@mikro-orm/migrations';

/** Pitch forms and event forms say what language they are written in and carry their texts in others. */
export class Migration20261208090000_FormTranslations extends Migration {
  override name = 'Migration20261208090000_FormTranslations';

  override up(): void | Promise<void> {
    for (const table of ['pitch_forms', 'event_forms']) {
      this.addSql(
        `alter table "${table}" add column "language" varchar(8) not null default 'en', add column "translations" jsonb not null default '[]';`,
      );
      this.addSql(`alter table "${table}" alter column "translations" drop default;`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of ['pitch_forms', 'event_forms']) {
      this.addSql(`alter table "${table}" drop column "language", drop column "translations";`);
    }
  }
}
