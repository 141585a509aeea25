import { useViewer } from '@convene/web-data-access';
import { browserTimeZone, isKnownTimeZone } from '../utils/zoned-time.util';

/** The zone the viewer reads times in: their profile's, else this browser's. */
export function useViewerTimeZone(): string {
  const { viewer } = useViewer();
  const zone = viewer?.timeZone;
  return zone && isKnownTimeZone(zone) ? zone : browserTimeZone();
}
