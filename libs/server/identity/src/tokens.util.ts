import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token for a cookie or a link, and the hash that is stored instead of it. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
