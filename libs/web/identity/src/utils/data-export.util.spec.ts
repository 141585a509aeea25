import { describe, expect, it } from '@jest/globals';
import { dataExportState, isPreparingAny } from './data-export.util';

const now = Date.parse('2026-03-10T12:00:00Z');
const ready = {
  status: 'READY' as const,
  expiresAt: '2026-03-17T12:00:00Z',
  downloadUrl: '/api/data-exports/e1/download',
};

describe(dataExportState.name, () => {
  it('is preparing while pending and failed when it failed, whatever else it says', () => {
    expect(dataExportState({ status: 'PENDING', expiresAt: null, downloadUrl: null }, now)).toBe('preparing');
    expect(dataExportState({ status: 'FAILED', expiresAt: null, downloadUrl: null }, now)).toBe('failed');
  });

  it('is ready while it has a link and is not past its deletion date', () => {
    expect(dataExportState(ready, now)).toBe('ready');
  });

  it('is expired once its deletion date has passed, even if the page still holds the link', () => {
    expect(dataExportState(ready, Date.parse('2026-03-17T12:00:00Z'))).toBe('expired');
  });

  it('is expired when the server no longer gives a link', () => {
    expect(dataExportState({ ...ready, downloadUrl: null }, now)).toBe('expired');
  });
});

describe(isPreparingAny.name, () => {
  it('is true only while one of them is pending', () => {
    expect(isPreparingAny([])).toBe(false);
    expect(isPreparingAny([{ status: 'READY' }, { status: 'FAILED' }])).toBe(false);
    expect(isPreparingAny([{ status: 'READY' }, { status: 'PENDING' }])).toBe(true);
  });
});
