// A fingerprint of every table the API writes, so that a test can show a refused request wrote,
// changed and deleted nothing, without knowing where it might. Per table: the row count (a delete
// lowers it) and the newest row version's transaction id, xmin (an insert or an update writes a
// row version with a newer one; taking a row lock does not). Where some columns may change, a
// hash of the other columns of every row instead (slower: the text of every row is read).
import type { ApiHarness } from '../api-harness.js';

/** Table → "rows:newest xmin" or "rows:hash". */
export type Fingerprint = Map<string, string>;

/**
 * What may change while a request is refused, and why:
 * - mikro_orm_migrations: the API never writes it.
 * - sessions.last_seen_at: touched by any signed-in request now and then; it records a visit, not a change.
 * - audit_events of failed sign-ins and second factors: recorded on purpose when a sign-in is refused
 *   (by identity's `recordNow`, after the answer has gone, so possibly during a later request).
 */
const SKIPPED_TABLES = new Set(['mikro_orm_migrations']);
const SKIPPED_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'] };
const SKIPPED_ROWS: Record<string, string> = { audit_events: `action not in ('SIGN_IN_FAILED', 'TWO_FACTOR_FAILED')` };

export class DatabaseFingerprint {
  private constructor(
    private readonly api: ApiHarness,
    private readonly query: string,
  ) {}

  /** Reads the tables and their columns once; tables made later (by a migration) are not seen. */
  static async of(api: ApiHarness): Promise<DatabaseFingerprint> {
    const columns = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ table_name: string; column_name: string }[]>(
        `select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
      );
    const byTable = new Map<string, string[]>();
    for (const { table_name: table, column_name: column } of columns) {
      if (SKIPPED_TABLES.has(table) || SKIPPED_COLUMNS[table]?.includes(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
    }
    const selects = [...byTable].map(([table, cols]) => {
      const where = SKIPPED_ROWS[table] ? ` where ${SKIPPED_ROWS[table]}` : '';
      const version = SKIPPED_COLUMNS[table]
        ? `sum(hashtextextended(row(${cols.join(', ')})::text, 0))`
        : `max(xmin::text::bigint)`;
      return `select '${table}' as t, count(*) || ':' || coalesce(${version}, 0) as f from "${table}"${where}`;
    });
    return new DatabaseFingerprint(api, selects.join('\nunion all\n'));
  }

  async take(): Promise<Fingerprint> {
    const rows = await this.api.orm.em.fork().getConnection().execute<{ t: string; f: string }[]>(this.query);
    return new Map(rows.map((r) => [r.t, r.f]));
  }

  /** The tables whose rows differ between two fingerprints. */
  static changed(before: Fingerprint, after: Fingerprint): string[] {
    return [...after].filter(([table, f]) => before.get(table) !== f).map(([table]) => table);
  }
}
