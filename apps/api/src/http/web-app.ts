import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

// `/metrics` too: it is never served on this port (see MetricsServer), and must not look as if it were.
const API_PATHS = /^\/(graphql|api|health|socket\.io|metrics)(\/|$)/;

/**
 * Serves the built web app on the API's origin: hashed assets cached for a year, every other
 * non-API path answered with index.html so client-side routes work on reload.
 */
export function serveWebApp(app: Express, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
