// Reads an HTTP Range header (RFC 9110 §14) for a download. Only one byte range is served: a
// server may ignore Range, so several ranges or a header it cannot read get the whole file (200)
// rather than a multipart answer.

export type RangeRequest = { kind: 'none' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * `bytes=a-b`, `bytes=a-` or `bytes=-n` (the last n bytes) as an inclusive range within a file of
 * `size` bytes, the end clamped to the last byte; 'unsatisfiable' (416) when it starts at or past
 * the end, asks for the last 0 bytes, or the file is empty; 'none' when the header is absent,
 * malformed, in another unit or asks for several ranges.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  const match = /^bytes=\s*(\d*)-(\d*)$/i.exec((header ?? '').trim());
  if (!match) return { kind: 'none' };
  const [, first, last] = match;
  if (!first && !last) return { kind: 'none' };
  if (!first) {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  // RFC 9110 §14.1.1: a last position before the first makes the range-spec invalid; ignore it.
  if (last && Number(last) < start) return { kind: 'none' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: last ? Math.min(Number(last), size - 1) : size - 1 };
}
