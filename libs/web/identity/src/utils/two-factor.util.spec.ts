import { describe, expect, it } from '@jest/globals';
import { groupSecret, isAuthenticatorCode, isRecoveryCode, recoveryCodesFile, svgDataUri } from './two-factor.util';

describe(isAuthenticatorCode.name, () => {
  it.each(['123456', '123 456', ' 000000 '])('accepts %p', (code) => expect(isAuthenticatorCode(code)).toBe(true));
  it.each(['12345', '1234567', '12a456', '', 'k7m2p-9xq4r'])('refuses %p', (code) =>
    expect(isAuthenticatorCode(code)).toBe(false),
  );
});

describe(isRecoveryCode.name, () => {
  it.each(['k7m2p-9xq4r', 'K7M2P-9XQ4R', 'k7m2p9xq4r', ' k7m2p-9xq4r '])('accepts %p', (code) =>
    expect(isRecoveryCode(code)).toBe(true),
  );
  it.each(['k7m2p-9xq4', 'k7m2p--9xq4r', '123456', '', 'k7m2p_9xq4r'])('refuses %p', (code) =>
    expect(isRecoveryCode(code)).toBe(false),
  );
});

describe(groupSecret.name, () => {
  it('groups the secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
  });
  it('keeps a short last group', () => {
    expect(groupSecret('ABCDEFG')).toBe('ABCD EFG');
  });
  it('regroups a secret that already has spaces', () => {
    expect(groupSecret('AB CDEF GH')).toBe('ABCD EFGH');
  });
});

describe(svgDataUri.name, () => {
  it('encodes the SVG as base64 that decodes back to it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>é</title></svg>';
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const binary = atob(uri.slice('data:image/svg+xml;base64,'.length));
    expect(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))).toBe(svg);
  });
});

describe(recoveryCodesFile.name, () => {
  it('puts one code a line under the heading', () => {
    expect(recoveryCodesFile('Convene recovery codes', ['aaaaa-bbbbb', 'ccccc-ddddd'])).toBe(
      'Convene recovery codes\n\naaaaa-bbbbb\nccccc-ddddd\n',
    );
  });
});
