import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersistedDocumentManifest } from './persisted-document-manifest.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe(PersistedDocumentManifest.name, () => {
  it('reads the web app’s manifest, every document under the sha256 of its text', () => {
    const manifest = PersistedDocumentManifest.read();
    expect(manifest.size).toBeGreaterThan(50);
  });

  it('gives the text under a hash, and nothing for another', () => {
    const text = 'query Me {\n  me {\n    id\n    __typename\n  }\n}';
    const manifest = PersistedDocumentManifest.of({ [sha256(text)]: text });
    expect(manifest.has(sha256(text))).toBe(true);
    expect(manifest.text(sha256(text))).toBe(text);
    expect(manifest.text(sha256(`${text}\n`))).toBeUndefined();
  });

  it('refuses an entry that is not under the hash of its text, which would run one operation for another', () => {
    const text = 'query Me {\n  me {\n    id\n  }\n}';
    expect(() => PersistedDocumentManifest.of({ [sha256('query Other { me { id } }')]: text })).toThrow(
      /is not a document under the sha256 hash of its text/,
    );
    expect(() => PersistedDocumentManifest.of({ [sha256(text).toUpperCase()]: text })).toThrow(/sha256/);
    expect(() => PersistedDocumentManifest.of({ [sha256(text)]: 42 })).toThrow(/sha256/);
    expect(() => PersistedDocumentManifest.of([text])).toThrow(/expected an object/);
  });

  it('says how to get a missing or broken manifest back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-manifest-'));
    expect(() => PersistedDocumentManifest.read(join(dir, 'none.json'))).toThrow(
      /persisted documents are missing .*tools\/build-server\.mjs/,
    );
    writeFileSync(join(dir, 'broken.json'), '{ "a":');
    expect(() => PersistedDocumentManifest.read(join(dir, 'broken.json'))).toThrow(/not JSON: run codegen again/);
  });
});
