// How the security page reads the viewer's data exports: what each one shows, and whether the
// list should keep asking the server (only while one is being prepared).
import type { DataExportFieldsFragment } from '@convene/web-data-access';

/** What a person can do with an export: wait, download it, nothing any more, or ask again. */
export type DataExportState = 'preparing' | 'ready' | 'expired' | 'failed';

type DataExportRow = Pick<DataExportFieldsFragment, 'status' | 'expiresAt' | 'downloadUrl'>;

export function dataExportState(row: DataExportRow, now: number): DataExportState {
  if (row.status === 'PENDING') return 'preparing';
  if (row.status === 'FAILED') return 'failed';
  // Ready, until it is deleted: the server stops giving the link then, the page may be older.
  const expired = !row.downloadUrl || (row.expiresAt !== null && Date.parse(row.expiresAt) <= now);
  return expired ? 'expired' : 'ready';
}

/** While one is being prepared, the list is asked for again every few seconds. */
export function isPreparingAny(rows: readonly Pick<DataExportFieldsFragment, 'status'>[]): boolean {
  return rows.some((row) => row.status === 'PENDING');
}
