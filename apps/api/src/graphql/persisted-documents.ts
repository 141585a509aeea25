// How Apollo Server answers the web app's persisted documents (a hash instead of the text) and,
// with trusted documents on, refuses every other document.
//
//   a known hash                   → its document from the manifest, parsed and validated once
//   a known hash with its text     → the same (Apollo checks that the text hashes to it)
//   an unknown hash                → PERSISTED_QUERY_NOT_FOUND (HTTP 200, as Apollo answers it)
//   text that is not in the manifest → DOCUMENT_NOT_ALLOWED (HTTP 400) when trusted, else it runs
import type { ApolloServerPlugin, DocumentStore, PersistedQueryOptions } from '@apollo/server';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { ErrorCode } from '@convene/shared-contracts';
import type { PersistedDocumentManifest } from './persisted-document-manifest.js';

/** The Apollo Server options that carry persisted documents. */
export interface PersistedDocumentsOptions {
  persistedQueries: PersistedQueryOptions;
  /** Only when trusted: otherwise Apollo's own document cache. */
  documentStore?: DocumentStore;
  plugins: ApolloServerPlugin[];
}

export function persistedDocuments(
  manifest: PersistedDocumentManifest,
  { trusted }: { trusted: boolean },
): PersistedDocumentsOptions {
  const persistedQueries: PersistedQueryOptions = { cache: new ManifestQueryCache(manifest), ttl: null };
  if (!trusted) return { persistedQueries, plugins: [] };
  return {
    persistedQueries,
    documentStore: new TrustedDocumentStore(manifest),
    plugins: [trustedDocumentsPlugin(manifest)],
  };
}

function documentNotAllowed(): GraphQLError {
  return new GraphQLError(
    'Only the operations of this version of the web app are accepted. Reload the page to get the current version.',
    {
      extensions: { code: ErrorCode.DocumentNotAllowed, http: { status: 400 } },
    },
  );
}

type QueryCache = NonNullable<PersistedQueryOptions['cache']>;

/** Apollo Server's prefix on the keys it hands a persisted query cache. */
const PERSISTED_QUERY_KEY_PREFIX = 'apq:';

/**
 * The persisted query cache is the manifest, read-only: a text a client sends with its hash is not
 * remembered, so only the web's documents are ever known by hash (and memory does not grow with
 * what clients send).
 */
class ManifestQueryCache implements QueryCache {
  constructor(private readonly manifest: PersistedDocumentManifest) {}

  async get(key: string): Promise<string | undefined> {
    return this.manifest.text(
      key.startsWith(PERSISTED_QUERY_KEY_PREFIX) ? key.slice(PERSISTED_QUERY_KEY_PREFIX.length) : key,
    );
  }

  async set(): Promise<void> {
    // Nothing is registered: only the manifest's documents are known by hash.
  }

  async delete(): Promise<boolean> {
    return false;
  }
}

/**
 * Stands in for a document that will be refused: Apollo then neither parses nor validates its
 * text (whose validation errors would describe the schema to whoever sent it).
 */
const REFUSED: DocumentNode = parse('query DocumentNotAllowed { __typename }');

/**
 * Parsed and validated documents, which Apollo looks up by the hash of their text before parsing.
 * Only the manifest's are kept, each parsed and validated once; any other hash gets the stand-in.
 */
class TrustedDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly manifest: PersistedDocumentManifest) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.manifest.has(queryHashOf(key)) ? this.documents.get(key) : REFUSED;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    if (this.manifest.has(queryHashOf(key))) this.documents.set(key, document);
  }

  async delete(key: string): Promise<boolean> {
    return this.documents.delete(key);
  }
}

/** Apollo keys a custom document store `<schema hash>:<query hash>`. */
function queryHashOf(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/** Runs a request only when its document is one of the manifest's, whatever it was sent as. */
function trustedDocumentsPlugin(manifest: PersistedDocumentManifest): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (!manifest.has(queryHash)) throw documentNotAllowed();
        },
      };
    },
  };
}
