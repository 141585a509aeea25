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

/**
 * The build's compressed copy of an asset, when the browser accepts its encoding: sent with
 * `Content-Encoding`, the asset's own type, and `Vary: Accept-Encoding` (so caches keep one per
 * encoding). Anything else goes on to the plain file, which says `Vary` as well.
 */
function precompressed(root: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.vary('Accept-Encoding');
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next(); // a malformed address: the static files answer it as they always have
    }
    if (!file.startsWith(root + sep)) return next();
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const encoding = ENCODINGS.find((e) => accepted.has(e.name) && existsSync(file + e.suffix));
    if (!encoding) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    // Hashed names never change content: no validators to send or to check.
    res.sendFile(
      file + encoding.suffix,
      { immutable: true, maxAge: '365d', etag: false, lastModified: false },
      (error) => {
        if (error) next(error);
      },
    );
  };
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
  hashed.use(withoutPageHeaders, precompressed(assets));
  hashed.use(
    express.static(assets, { immutable: true, maxAge: '365d', index: false, etag: false, lastModified: false }),
  );
  app.use('/assets', hashed);
  app.use(
    express.static(distDir, {
      index: false,
      maxAge: '1h',
      // The service worker and the manifests say which version runs: asked for again every time.
      setHeaders: (res, path) => {
        if (/[/\\](sw\.js|[^/\\]+\.webmanifest)$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
