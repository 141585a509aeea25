import type { ThreadSignal } from '@convene/shared-contracts';
import { useRealtimeEvent, useRealtimeSocket } from '@convene/web-data-access';
import { useEffect, useRef } from 'react';

/**
 * While a discussion is open, its changes arrive without reloading: the socket watches it (again
 * after every reconnect, when the server has forgotten it) and each signal is passed on. After a
 * reconnect, changes may have been missed: that counts as an update of the whole discussion.
 */
export function useLiveThread(threadId: string, onChange: (signal: ThreadSignal) => void) {
  const { socket, connects } = useRealtimeSocket();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    if (!socket || !connects) return;
    socket.emit('thread:watch', threadId, () => undefined);
    if (connects > 1) latest.current({ threadId, postId: null, change: 'UPDATE', post: null });
    return () => void socket.emit('thread:unwatch', threadId);
  }, [socket, connects, threadId]);
  useRealtimeEvent('thread:post', (signal) => {
    if (signal.threadId === threadId) latest.current(signal);
  });
}
