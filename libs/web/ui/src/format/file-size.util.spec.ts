import { describe, expect, it } from '@jest/globals';
import { fileSizeParts } from './file-size.util';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe(fileSizeParts.name, () => {
  it.each([
    [0, { n: 0, unit: 'B' }],
    [1023, { n: 1023, unit: 'B' }],
    [1024, { n: 1, unit: 'KB' }],
    [2.44 * KB, { n: 2.4, unit: 'KB' }],
    [9.96 * KB, { n: 10, unit: 'KB' }],
    [37.4 * MB, { n: 37, unit: 'MB' }],
    [1023.7 * KB, { n: 1, unit: 'MB' }],
    [1.25 * GB, { n: 1.3, unit: 'GB' }],
    [3000 * GB, { n: 3000, unit: 'GB' }],
  ])('writes %d bytes as %j', (bytes, expected) => {
    expect(fileSizeParts(bytes)).toEqual(expected);
  });
});
