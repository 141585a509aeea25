import { Migration } from '@mikro-orm/migrations';

/** Events' programmes: sessions (plenaries, workshops with their own capacity) and the places registrants hold or wait for at workshops. */
export class Migration20261209130000_EventProgramme extends Migration {
  override name = 'Migration20261209130000_EventProgramme';

  override up(): void | Promise<void> {
    this.addSql(`create type "programme_session_kind" as enum ('PLENARY', 'WORKSHOP', 'OTHER');`);
    this.addSql(`create type "session_place_status" as enum ('CONFIRMED', 'WAITLISTED');`);
    this.addSql(
      `create table "programme_sessions" ("id" uuid not null, "meeting_id" uuid not null, "title" varchar(200) not null, "kind" "programme_session_kind" not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "room" varchar(120) not null default '', "description" text not null default '', "capacity" int null, "position" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "programme_sessions_meeting_id_position_index" on "programme_sessions" ("meeting_id", "position");`,
    );

    this.addSql(
      `create table "session_places" ("id" uuid not null, "session_id" uuid not null, "registration_id" uuid not null, "status" "session_place_status" not null, "queued_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "session_places_registration_id_index" on "session_places" ("registration_id");`);
    this.addSql(
      `create index "session_places_session_id_status_queued_at_index" on "session_places" ("session_id", "status", "queued_at");`,
    );
    this.addSql(
      `alter table "session_places" add constraint "session_places_session_id_registration_id_unique" unique ("session_id", "registration_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "programme_sessions" cascade;`);
    this.addSql(`drop table if exists "session_places" cascade;`);

    this.addSql(`drop type "programme_session_kind";`);
    this.addSql(`drop type "session_place_status";`);
  }
}
