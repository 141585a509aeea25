import { describe, expect, it } from '@jest/globals';
import { FILE_NAME_MAX, checkFileName } from './file-name.util.js';

describe(checkFileName.name, () => {
  it('accepts ordinary names, trimmed and in NFC', () => {
    expect(checkFileName('  report 2024 (final).pdf ')).toEqual({ name: 'report 2024 (final).pdf' });
    expect(checkFileName('محضر الاجتماع.pdf')).toEqual({ name: 'محضر الاجتماع.pdf' });
    expect(checkFileName('Cafe\u0301.txt')).toEqual({ name: 'Caf\u00e9.txt' });
    expect(checkFileName('.env.example')).toEqual({ name: '.env.example' });
    expect(checkFileName('notes..txt')).toEqual({ name: 'notes..txt' });
    expect(checkFileName('😀 party.png')).toEqual({ name: '😀 party.png' });
  });

  it('refuses an empty name', () => {
    for (const raw of [undefined, null, '', '   \t '])
      expect(checkFileName(raw)).toEqual({ error: 'The file needs a name.' });
  });

  it('refuses names longer than FILE_NAME_MAX characters, counting characters rather than UTF-16 units', () => {
    expect(checkFileName('a'.repeat(1000))).toEqual({ error: 'The file name is too long (at most 255 characters).' });
    expect(checkFileName(`${'a'.repeat(FILE_NAME_MAX - 4)}.pdf`)).toEqual({
      name: `${'a'.repeat(FILE_NAME_MAX - 4)}.pdf`,
    });
    expect(checkFileName(`${'a'.repeat(FILE_NAME_MAX - 3)}.pdf`)).toHaveProperty('error');
    expect(checkFileName('😀'.repeat(FILE_NAME_MAX))).toHaveProperty('name');
  });

  it('refuses control characters: C0, DEL and C1', () => {
    for (const raw of ['a\u0000b', 'a\nb.txt', 'a\tb', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u009fb']) {
      expect(checkFileName(raw)).toEqual({ error: 'The file name contains invisible control characters.' });
    }
  });

  it('refuses direction overrides and isolates that disguise the extension', () => {
    for (const raw of ['invoice\u202Efdp.exe', 'a\u202Ab', 'a\u2066b\u2069.pdf', 'a\u2068b']) {
      expect(checkFileName(raw)).toEqual({
        error:
          'The file name contains characters that reverse the text direction, which can disguise the type of a file.',
      });
    }
  });

  it('refuses lone surrogates, which cannot be written as UTF-8', () => {
    expect(checkFileName('a\ud800b.txt')).toEqual({ error: 'The file name contains invalid characters.' });
  });

  it('refuses path separators', () => {
    for (const raw of ['../etc/passwd', '..\\x', 'a/b.txt', 'C:\\Users\\x.doc']) {
      expect(checkFileName(raw)).toHaveProperty('error');
    }
    expect(checkFileName('a/b.txt')).toEqual({ error: 'The file name cannot contain / or \\.' });
  });

  it('refuses ".", ".." and names starting with ".."', () => {
    for (const raw of ['.', '..', '...', '..hidden', ' .. ']) {
      expect(checkFileName(raw)).toEqual({ error: 'The file name cannot be "." or start with "..".' });
    }
  });
});
