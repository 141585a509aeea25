// The app's one socket.io connection: open while someone is signed in, closed at sign-out, and
// brought back after the network or the server drops it.
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { MeDocument } from '../generated/graphql';
import { useViewer } from '../hooks/useViewer';
import { OFFLINE, RealtimeContext, type RealtimeSocket, type RealtimeState } from './realtime-context';

export const SOCKET_PATH = '/socket.io';

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  const client = useApolloClient();
  // Someone who must set up two-factor sign-in first is refused a socket until they have.
  const userId = viewer && !viewer.twoFactorSetupRequired ? viewer.id : null;
  const [state, setState] = useState<RealtimeState>(OFFLINE);

  useEffect(() => {
    if (!userId) return;
    const socket: RealtimeSocket = io({
      path: SOCKET_PATH,
      transports: ['websocket', 'polling'],
      withCredentials: true,
    });
    let connects = 0;
    let retryDelay = FIRST_RETRY_MS;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setState({ socket, connected: false, connects });

    // socket.io retries lost transports by itself, but not a refusal or a disconnect by the server.
    const retryLater = () => {
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), retryDelay);
      retryDelay = Math.min(retryDelay * 2, LAST_RETRY_MS);
    };

    socket.on('connect', () => {
      connects += 1;
      retryDelay = FIRST_RETRY_MS;
      setState({ socket, connected: true, connects });
    });
    socket.on('disconnect', (reason) => {
      setState({ socket, connected: false, connects });
      // The server drops a person's sockets when their sessions change (a password change, say):
      // try again with whatever session the browser holds now.
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', () => {
      if (socket.active) return;
      // Refused: most likely the session has ended. Asking for `me` again lets the app notice
      // (which closes this socket); if the session is fine after all, try again later.
      void client.refetchQueries({ include: [MeDocument] }).catch(() => undefined);
      retryLater();
    });

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      setState(OFFLINE);
    };
  }, [userId, client]);

  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}
