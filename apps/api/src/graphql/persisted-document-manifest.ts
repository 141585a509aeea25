// The web app's persisted documents: sha256 hash → the document text its client sends. Written by
// codegen at build (codegen.ts), shipped beside the compiled API by tools/build-server.mjs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The manifest, found from this file: the same relative path in the sources and in dist/server. */
export const PERSISTED_DOCUMENTS_FILE = fileURLToPath(
  new URL('../../../../libs/web/data-access/src/generated/persisted-documents.json', import.meta.url),
);

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class PersistedDocumentManifest {
  private constructor(private readonly documents: ReadonlyMap<string, string>) {}

  /** Reads and checks the manifest file; a missing or damaged one stops the API with the reason. */
  static read(file = PERSISTED_DOCUMENTS_FILE): PersistedDocumentManifest {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      throw new Error(
        `The web app's persisted documents are missing (${file}): build the server with tools/build-server.mjs, which ships them with the API.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error(
        `The web app's persisted documents (${file}) are not JSON: run codegen again (node_modules/.bin/graphql-codegen --config codegen.ts).`,
      );
    }
    return PersistedDocumentManifest.of(parsed, file);
  }

  /** A manifest of `{ hash: text }`, every hash checked against its text. */
  static of(entries: unknown, source = 'the persisted documents'): PersistedDocumentManifest {
    if (!entries || typeof entries !== 'object' || Array.isArray(entries))
      throw new Error(`${source}: expected an object of sha256 hash → document text`);
    const documents = new Map<string, string>();
    for (const [hash, text] of Object.entries(entries)) {
      // A hash that is not its text's would answer one operation with another's document.
      if (typeof text !== 'string' || !SHA256_HEX.test(hash) || sha256(text) !== hash) {
        throw new Error(
          `${source}: the entry "${hash.slice(0, 16)}…" is not a document under the sha256 hash of its text; run codegen again.`,
        );
      }
      documents.set(hash, text);
    }
    return new PersistedDocumentManifest(documents);
  }

  get size(): number {
    return this.documents.size;
  }

  has(hash: string): boolean {
    return this.documents.has(hash);
  }

  /** The document text under a hash, if it is one of the web's. */
  text(hash: string): string | undefined {
    return this.documents.get(hash);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
