import { describe, expect, it } from '@jest/globals';
import { parseRange } from './byte-range.util.js';

describe(parseRange.name, () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'none' });
    expect(parseRange('', 100)).toEqual({ kind: 'none' });
  });

  it('reads a closed range, clamping the end to the last byte', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'range', start: 0, end: 9 });
    expect(parseRange('bytes=10-10', 100)).toEqual({ kind: 'range', start: 10, end: 10 });
    expect(parseRange('bytes=90-1000', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(parseRange(' Bytes=5-6 ', 100)).toEqual({ kind: 'range', start: 5, end: 6 });
  });

  it('reads an open range to the end', () => {
    expect(parseRange('bytes=40-', 100)).toEqual({ kind: 'range', start: 40, end: 99 });
    expect(parseRange('bytes=0-', 1)).toEqual({ kind: 'range', start: 0, end: 0 });
  });

  it('reads a suffix range, the whole file when the suffix is longer', () => {
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'range', start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'range', start: 0, end: 99 });
  });

  it('is unsatisfiable from the end of the file on, for an empty suffix, and for an empty file', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=150-200', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores several ranges, other units and malformed headers', () => {
    for (const header of [
      'bytes=0-1,5-6',
      'bytes=0-1,',
      'items=0-1',
      'bytes=',
      'bytes=-',
      'bytes=a-b',
      'bytes=5-1',
      'bytes=1.5-2',
      'bytes 0-1',
      'bytes=--1',
      'bytes=0-1-2',
    ]) {
      expect(parseRange(header, 100)).toEqual({ kind: 'none' });
    }
  });
});
