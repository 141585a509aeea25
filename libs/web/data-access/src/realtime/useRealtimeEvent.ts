import type { ServerToClientEvents } from '@convene/shared-contracts';
import { useContext, useEffect, useRef } from 'react';
import { RealtimeContext } from './realtime-context';

/** Calls `listener` for each server event of that name while a socket is open. */
export function useRealtimeEvent<E extends keyof ServerToClientEvents>(
  event: E,
  listener: ServerToClientEvents[E],
): void {
  const { socket } = useContext(RealtimeContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!socket) return;
    const handler = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: Parameters<ServerToClientEvents[E]>) => void)(...args)) as ServerToClientEvents[E];
    // socket.io's overloads do not narrow on a generic event name.
    const on = socket.on.bind(socket) as (name: E, fn: ServerToClientEvents[E]) => unknown;
    const off = socket.off.bind(socket) as (name: E, fn: ServerToClientEvents[E]) => unknown;
    on(event, handler);
    return () => void off(event, handler);
  }, [socket, event]);
}
