import { constants } from 'node:zlib';
import compression from 'compression';
import type { Request, Response } from 'express';

/** Answers smaller than this go as they are: below it, compressing saves less than a packet. */
export const COMPRESSION_THRESHOLD = 8 * 1024;

/**
 * Levels for answers made per request (not cached): Brotli 4 and gzip 6 cost about the same CPU
 * per answer, and Brotli 4 is already smaller than gzip 6 on our JSON; higher Brotli qualities
 * cost several times more for a few percent (figures: test/bench/graphql-compression.bench.mjs).
 */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

/** JSON answers only: multipart (incremental delivery) must reach the client part by part. */
const COMPRESSIBLE = /^application\/(json|graphql-response\+json)\s*(;|$)/i;

function compressibleAnswer(_req: Request, res: Response): boolean {
  return COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? ''));
}

/**
 * Compresses the API's large JSON answers (GraphQL) for phones on slow or metered connections:
 * Brotli when the client takes it, else gzip, never when it takes neither; `Vary: Accept-Encoding`
 * on every answer it looks at. Mounted on the JSON routes only: file downloads, the built web app
 * (already compressed at build) and socket.io are not its business.
 */
export function compressedAnswers() {
  return compression({
    threshold: COMPRESSION_THRESHOLD,
    level: GZIP_LEVEL,
    brotli: {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    },
    filter: compressibleAnswer,
  });
}
