/** A size in bytes as a short number and unit (1024-based, as file managers show it). */
export function fileSizeParts(bytes: number): { n: number; unit: 'B' | 'KB' | 'MB' | 'GB' } {
  if (bytes < 1024) return { n: bytes, unit: 'B' };
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index += 1;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return { n: rounded, unit: units[index] ?? 'GB' };
}
