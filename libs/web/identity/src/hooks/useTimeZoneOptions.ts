import { useMemo } from 'react';

/** Every IANA time zone the browser knows, labelled for reading ("America/New York"). */
export function useTimeZoneOptions(current: string): Array<{ value: string; label: string }> {
  return useMemo(() => {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    const all = new Set(zones);
    // Browsers leave out aliases such as UTC; keep whatever the profile already has.
    if (current) all.add(current);
    if (!all.has('UTC')) all.add('UTC');
    return [...all].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
  }, [current]);
}
