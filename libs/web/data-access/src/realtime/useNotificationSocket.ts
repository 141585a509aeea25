import { SOCKET_EVENTS, type NotificationSignal } from '@convene/shared-contracts';
import { useState } from 'react';
import { useRealtimeEvent } from './useRealtimeEvent';
import { useRealtimeStatus } from './useRealtimeStatus';

export interface NotificationSocketState {
  /** The latest signal; a new object for each, so effects run even when a seq repeats. */
  signal: NotificationSignal | null;
  connected: boolean;
  connects: number;
}

/**
 * The notification signal. It only carries the newest sequence number: fetch
 * `notifications(after:)` when it changes and whenever `connects` changes.
 */
export function useNotificationSocket(): NotificationSocketState {
  const [signal, setSignal] = useState<NotificationSignal | null>(null);
  useRealtimeEvent(SOCKET_EVENTS.notification, (next) => setSignal({ ...next }));
  return { signal, ...useRealtimeStatus() };
}
