import { Migration } from '@mikro-orm/migrations';

export class Migration20261129202904_AccountSecurity extends Migration {
  override name = 'Migration20261129202904_AccountSecurity';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "audit_action" as enum ('SIGN_IN', 'SIGN_IN_FAILED', 'TWO_FACTOR_FAILED', 'SESSION_REVOKED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'TWO_FACTOR_ENABLED', 'TWO_FACTOR_DISABLED', 'RECOVERY_CODES_CREATED', 'RECOVERY_CODE_USED', 'NETWORK_ROLE_CHANGED', 'ACCOUNT_DEACTIVATED', 'ACCOUNT_REACTIVATED', 'ACCOUNT_DELETED', 'DATA_EXPORT_REQUESTED', 'DATA_EXPORT_DOWNLOADED', 'NETWORK_SETTINGS_CHANGED', 'NETWORK_INVITATION_SENT', 'GROUP_CREATED', 'GROUP_SETTINGS_CHANGED', 'MEMBER_INVITED', 'MEMBERSHIP_APPROVED', 'MEMBERSHIP_DECLINED', 'MEMBER_ROLE_CHANGED', 'MEMBER_REMOVED');`,
    );
    this.addSql(
      `create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null, "action" "audit_action" not null, "actor_id" uuid null, "subject_user_id" uuid null, "group_id" uuid null, "detail" jsonb null, primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_events_subject_user_id_created_at_index" on "audit_events" ("subject_user_id", "created_at");`,
    );
    this.addSql(`create index "audit_events_action_created_at_index" on "audit_events" ("action", "created_at");`);
    this.addSql(`create index "audit_events_created_at_index" on "audit_events" ("created_at");`);

    this.addSql(
      `create table "password_resets" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "password_resets" add constraint "password_resets_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "password_resets_user_id_index" on "password_resets" ("user_id");`);

    this.addSql(
      `create table "recovery_codes" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "created_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "recovery_codes_user_id_index" on "recovery_codes" ("user_id");`);

    this.addSql(
      `alter table "users" add "deactivated_at" timestamptz null, add "totp_secret" varchar(64) null, add "totp_pending_secret" varchar(64) null, add "totp_enabled_at" timestamptz null, add "totp_last_step" int null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop table if exists "password_resets" cascade;`);
    this.addSql(`drop table if exists "recovery_codes" cascade;`);

    this.addSql(
      `alter table "users" drop column "deactivated_at", drop column "totp_secret", drop column "totp_pending_secret", drop column "totp_enabled_at", drop column "totp_last_step";`,
    );

    this.addSql(`drop type "audit_action";`);
  }
}
