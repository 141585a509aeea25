import { useContext } from 'react';
import { RealtimeContext } from './realtime-context';

/** Whether the socket is up, and how many times it has connected (to catch up on each). */
export function useRealtimeStatus(): { connected: boolean; connects: number } {
  const { connected, connects } = useContext(RealtimeContext);
  return { connected, connects };
}
