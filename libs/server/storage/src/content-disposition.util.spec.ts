import { describe, expect, it } from '@jest/globals';
import { contentDisposition } from './content-disposition.util.js';

describe(contentDisposition.name, () => {
  it('gives an ASCII name both ways', () => {
    expect(contentDisposition('attachment', 'report-2024_v2.pdf')).toBe(
      `attachment; filename="report-2024_v2.pdf"; filename*=UTF-8''report-2024_v2.pdf`,
    );
  });

  it('replaces quotes and backslashes in the fallback and encodes them in filename*', () => {
    expect(contentDisposition('inline', 'say "hi"\\.txt')).toBe(
      `inline; filename="say _hi__.txt"; filename*=UTF-8''say%20%22hi%22%5C.txt`,
    );
  });

  it('gives an Arabic name as UTF-8 in filename* and as underscores in the fallback', () => {
    expect(contentDisposition('attachment', 'محضر.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%D9%85%D8%AD%D8%B6%D8%B1.pdf`,
    );
  });

  it('encodes spaces and % in filename* and replaces % in the fallback', () => {
    expect(contentDisposition('attachment', 'budget 100% final.xlsx')).toBe(
      `attachment; filename="budget 100_ final.xlsx"; filename*=UTF-8''budget%20100%25%20final.xlsx`,
    );
  });

  it('keeps every attr-char and encodes the characters encodeURIComponent would leave', () => {
    expect(contentDisposition('attachment', "!#$&+-.^_`|~*'();")).toBe(
      `attachment; filename="!#$&+-.^_\`|~*'();"; filename*=UTF-8''!#$&+-.^_\`|~%2A%27%28%29%3B`,
    );
  });

  it('cannot be broken by line breaks or a lone surrogate', () => {
    const header = contentDisposition('attachment', 'a\r\nSet-Cookie: x\ud800.txt');
    expect(header).toBe(
      `attachment; filename="a__Set-Cookie: x_.txt"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%EF%BF%BD.txt`,
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
