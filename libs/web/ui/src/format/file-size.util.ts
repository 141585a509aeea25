const UNITS = ['KB', 'MB', 'GB'] as const;

/** A size in bytes as a short number and unit (1024-based, as file managers show it). */
export function fileSizeParts(bytes: number): { n: number; unit: 'B' | (typeof UNITS)[number] } {
  if (bytes < 1024) return { n: Math.max(0, Math.round(bytes)), unit: 'B' };
  let value = bytes / 1024;
  let index = 0;
  // From 1023.5 it would round to "1024 KB": that moves up a unit too, and reads "1 MB".
  while (value >= 1023.5 && index < UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  // One decimal below 10 ("2.4 MB"), whole numbers from there on ("37 MB").
  const n = value >= 9.95 ? Math.round(value) : Math.round(value * 10) / 10;
  return { n, unit: UNITS[index] ?? 'GB' };
}
