// Small pieces of two-factor sign-in on the web: how codes look, and how a secret and a QR code
// are shown.

/** Which second factor someone is typing: the code from their app, or a recovery code. */
export type SecondFactorKind = 'app' | 'recovery';

/** A six-digit code from an authenticator app; people may type a space in the middle. */
export function isAuthenticatorCode(value: string): boolean {
  return /^\d{6}$/.test(value.replace(/\s/g, ''));
}

/** A recovery code as handed out (`k7m2p-9xq4r`), in any case, with or without the dash. */
export function isRecoveryCode(value: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(value.trim().replace(/\s/g, ''));
}

/** The secret for typing into an app by hand, in groups of four: `JBSW Y3DP EHPK 3PXP`. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The QR code as an image address. The SVG is only ever shown through <img>, never put into the
 * page as markup, so nothing in it can run.
 */
export function svgDataUri(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The contents of the recovery codes file: a heading line, then one code a line. */
export function recoveryCodesFile(heading: string, codes: string[]): string {
  return `${heading}\n\n${codes.join('\n')}\n`;
}
