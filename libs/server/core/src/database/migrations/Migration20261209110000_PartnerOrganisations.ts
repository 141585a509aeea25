import { Migration } from '@mikro-orm/migrations';

/**
 * Partner organisations become managed by network admins (kind, area served, descriptions per
 * language, archiving), and a person's organisation waits for an admin's confirmation: the ones
 * people already have stay as they are, confirmed.
 */
export class Migration20261209110000_PartnerOrganisations extends Migration {
  override name = 'Migration20261209110000_PartnerOrganisations';

  override up(): void | Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'ORGANISATION_CHANGED' after 'MEMBER_REMOVED';`);
    this.addSql(
      `alter type "audit_action" add value if not exists 'AFFILIATION_DECIDED' after 'ORGANISATION_CHANGED';`,
    );
    this.addSql(
      `create type "partner_organisation_kind" as enum ('COMMUNITY_ORGANISATION', 'NGO', 'FAITH_GROUP', 'LEGAL_SERVICE', 'PUBLIC_BODY', 'OTHER');`,
    );
    this.addSql(
      `alter table "partner_organisations" add "kind" "partner_organisation_kind" not null default 'OTHER', add "area" varchar(200) not null default '', add "descriptions" jsonb not null default '{}', add "archived_at" timestamptz null;`,
    );

    this.addSql(
      `alter table "users" add "pending_organisation_id" uuid null, add "pending_organisation_since" timestamptz null;`,
    );
    this.addSql(
      `alter table "users" add constraint "users_pending_organisation_id_foreign" foreign key ("pending_organisation_id") references "partner_organisations" ("id") on delete set null;`,
    );
    this.addSql(`create index "users_organisation_id_index" on "users" ("organisation_id");`);
    this.addSql(`create index "users_pending_organisation_id_index" on "users" ("pending_organisation_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop constraint "users_pending_organisation_id_foreign";`);
    this.addSql(`drop index "users_organisation_id_index";`);
    this.addSql(`drop index "users_pending_organisation_id_index";`);
    this.addSql(`alter table "users" drop column "pending_organisation_id", drop column "pending_organisation_since";`);

    this.addSql(
      `alter table "partner_organisations" drop column "kind", drop column "area", drop column "descriptions", drop column "archived_at";`,
    );
    this.addSql(`drop type "partner_organisation_kind";`);
  }
}
