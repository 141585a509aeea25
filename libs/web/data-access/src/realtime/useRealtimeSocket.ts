import { useContext } from 'react';
import { RealtimeContext, type RealtimeState } from './realtime-context';

/** The signed-in person's socket and how often it has connected (to re-send what the server forgot). */
export function useRealtimeSocket(): RealtimeState {
  return useContext(RealtimeContext);
}
