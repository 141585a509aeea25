// The Content-Disposition header of a download (RFC 6266). The name goes twice: as `filename`, an
// ASCII stand-in for old clients, and as `filename*` (RFC 8187), the exact name in UTF-8, which
// every current browser prefers.

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/**
 * Printable ASCII only, with `_` for everything else and for `"` and `\` (which a quoted string
 * would have to escape, and some clients get wrong) and `%` (which some clients percent-decode).
 */
function asciiFallback(fileName: string): string {
  let out = '';
  for (const char of fileName) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || code > 0x7e || char === '"' || char === '\\' || char === '%' ? '_' : char;
  }
  return out;
}

/** Percent-encodes each UTF-8 byte outside attr-char (a lone surrogate becomes U+FFFD). */
function encodeExtValue(fileName: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(fileName)) {
    const char = String.fromCharCode(byte);
    out += ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
