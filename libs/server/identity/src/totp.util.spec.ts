import { describe, expect, it } from '@jest/globals';
import {
  base32Decode,
  base32Encode,
  matchTotp,
  newRecoveryCodes,
  normaliseRecoveryCode,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.util.js';

// RFC 6238 appendix B: the SHA-1 secret is the ASCII of "12345678901234567890"; its 8-digit codes
// end in the 6 digits checked here.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('gives the RFC 6238 code at %i seconds: %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(seconds * 1000))).toBe(code);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('accepts the code of the step before, now and after, and names the step; refuses others', () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    for (const offset of [-1, 0, 1])
      expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + offset), at)).toBe(step + offset);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), at)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 2), at)).toBeNull();
    expect(matchTotp(RFC_SECRET, '12345', at)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', at)).toBeNull();
  });

  it('writes an otpauth address authenticator apps read', () => {
    expect(otpauthUri('ABC', 'amal@example.org', 'Convene')).toBe(
      'otpauth://totp/Convene%3Aamal%40example.org?secret=ABC&issuer=Convene&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('makes ten distinct recovery codes that compare without dash or case', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normaliseRecoveryCode(' K7M2P-9XQ4R ')).toBe('k7m2p9xq4r');
  });
});
