// Mail delivered over HTTP by a provider that posts the raw message (MIME) as the request body,
// with the shared secret (INBOUND_MAIL_SECRET) as a bearer token. Off (404) without a secret.
import { timingSafeEqual } from 'node:crypto';
import { Controller, HttpCode, Inject, NotFoundException, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, DomainError, Public, type AppConfig } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';
import { InboundMailService, type InboundOutcome } from './inbound-mail.service.js';

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's body, refused (413) past `limit` bytes without reading the rest. */
function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooBig(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooBig(limit));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

const tooBig = (limit: number) =>
  new DomainError(
    ErrorCode.BadUserInput,
    'MAIL_TOO_LARGE',
    `The mail is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
    undefined,
    413,
  );

@Public()
@Controller('api/inbound-mail')
export class InboundMailController {
  constructor(
    private readonly inbound: InboundMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(@Req() req: Request): Promise<InboundOutcome> {
    const secret = this.config.inboundMail.secret;
    if (!secret) throw new NotFoundException();
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, secret))
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'INBOUND_SECRET_REQUIRED',
        'This address takes mail from the configured mail provider only.',
      );
    const raw = await readBody(req, this.config.inboundMail.maxBytes);
    if (raw.length === 0)
      throw new DomainError(ErrorCode.BadUserInput, 'MAIL_EMPTY', 'The request carries no mail.', {
        body: 'Send the raw message (MIME) as the request body.',
      });
    return this.inbound.receive(raw);
  }
}
