import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

// `/metrics` too: it is never served on this port (see MetricsServer), and must not look as if it were.
const API_PATHS = /^\/(graphql|api|health|socket\.io|metrics)(\/|$)/;

/** The encodings the build writes beside each asset (`app.js.br`, `app.js.gz`), the smallest first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings a request accepts (`Accept-Encoding`), leaving out those it refuses with `q=0`. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * Headers that only mean something on a page (a document) or a worker: a hashed script or
 * stylesheet goes without them. A page needs some 30 of these files, and on a slow connection
 * their repeated 0.9 KB of headers cost more than a third of a second. `nosniff` and the
 * cross-origin resource policy stay, since they protect the file itself; a worker's script keeps
 * them all.
 */
const PAGE_ONLY_HEADERS = [
  'Content-Security-Policy',
  'Cross-Origin-Opener-Policy',
  'Origin-Agent-Cluster',
  'Referrer-Policy',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Frame-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
];

function withoutPageHeaders(req: Request, res: Response, next: NextFunction) {
  // A worker's script (the PDF reader's) runs under the policy its own response carries.
  if (!/worker/i.test(req.path)) for (const name of PAGE_ONLY_HEADERS) res.removeHeader(name);
  next();
}

/** How a compressed copy is sent: hashed assets for a year without validators, others revalidated. */
type SendOptions = Parameters<Response['sendFile']>[1];
/** Hashed names never change content: no validators to send or to check, nor ranges to offer (small files, fetched whole). */
const HASHED: SendOptions = { immutable: true, maxAge: '365d', etag: false, lastModified: false, acceptRanges: false };

/** The encoding of the build's copy of `file` the request accepts, if the build wrote one. */
function encodingFor(req: Request, file: string) {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  return ENCODINGS.find((e) => accepted.has(e.name) && existsSync(file + e.suffix));
}

/** Sends `file`, or the build's compressed copy of it the browser accepts, with `Vary: Accept-Encoding`. */
function sendPreferringCompressed(req: Request, res: Response, next: NextFunction, file: string, options: SendOptions) {
  res.vary('Accept-Encoding');
  const encoding = encodingFor(req, file);
  if (encoding) {
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding.name);
  }
  res.sendFile(encoding ? file + encoding.suffix : file, options, (error) => {
    if (error) next(error);
  });
}

/**
 * The build's compressed copy of a file, when the browser accepts its encoding: sent with
 * `Content-Encoding`, the file's own type, and `Vary: Accept-Encoding` (so caches keep one per
 * encoding). Anything else goes on to the plain file, which says `Vary` as well.
 */
function precompressed(root: string, options: SendOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next(); // a malformed address: the static files answer it as they always have
    }
    if (!file.startsWith(root + sep)) return next();
    res.vary('Accept-Encoding');
    if (!encodingFor(req, file)) return next();
    sendPreferringCompressed(req, res, next, file, options);
  };
}

/** The service worker and the manifests say which version runs: asked for again every time. */
function revalidateVersioned(req: Request, res: Response, next: NextFunction) {
  if (/^\/(sw\.js|[^/]+\.webmanifest)$/.test(req.path)) res.setHeader('Cache-Control', 'no-cache');
  next();
}

/**
 * Serves the built web app on the API's origin: hashed assets cached for a year (compressed when
 * the browser takes it), every other non-API path answered with index.html so client-side routes
 * work on reload. Source maps are never served: they stay on the server for reading errors. The
 * service worker and the manifests are revalidated on every request.
 */
export function serveWebApp(app: Express, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  const assets = join(distDir, 'assets');
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.endsWith('.map') && !API_PATHS.test(req.path) ? res.status(404).end() : next(),
  );
  // An app of their own, without ETags (Express gives sendFile the app's setting, whatever it is asked).
  const hashed = express();
  hashed.disable('etag');
  hashed.disable('x-powered-by');
  hashed.use(withoutPageHeaders, precompressed(assets, HASHED));
  hashed.use(
    express.static(assets, {
      immutable: true,
      maxAge: '365d',
      etag: false,
      lastModified: false,
      acceptRanges: false,
      index: false,
    }),
  );
  app.use('/assets', hashed);
  const files = { maxAge: '1h' };
  app.use(revalidateVersioned, precompressed(distDir, files), express.static(distDir, { ...files, index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    sendPreferringCompressed(req, res, next, index, {});
  });
  return true;
}
