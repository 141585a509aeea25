// The app's one socket.io connection: open while someone is signed in, closed at sign-out, and
// brought back after the network or the server drops it. Its client library is loaded only then:
// the sign-in page and the public forms never download it.
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState, type ReactNode } from 'react';
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
    let closed = false;
    let socket: RealtimeSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const open = (io: typeof import('socket.io-client').io) => {
      const current: RealtimeSocket = io({
        path: SOCKET_PATH,
        transports: ['websocket', 'polling'],
        withCredentials: true,
      });
      socket = current;
      let connects = 0;
      let retryDelay = FIRST_RETRY_MS;
      setState({ socket: current, connected: false, connects });

      // socket.io retries lost transports by itself, but not a refusal or a disconnect by the server.
      const retryLater = () => {
        clearTimeout(retry);
        retry = setTimeout(() => current.connect(), retryDelay);
        retryDelay = Math.min(retryDelay * 2, LAST_RETRY_MS);
      };

      current.on('connect', () => {
        connects += 1;
        retryDelay = FIRST_RETRY_MS;
        setState({ socket: current, connected: true, connects });
      });
      current.on('disconnect', (reason) => {
        setState({ socket: current, connected: false, connects });
        // The server drops a person's sockets when their sessions change (a password change, say):
        // try again with whatever session the browser holds now.
        if (reason === 'io server disconnect') retryLater();
      });
      current.on('connect_error', () => {
        if (current.active) return;
        // Refused: most likely the session has ended. Asking for `me` again lets the app notice
        // (which closes this socket); if the session is fine after all, try again later.
        void client.refetchQueries({ include: [MeDocument] }).catch(() => undefined);
        retryLater();
      });
    };

    import('socket.io-client').then(
      ({ io }) => {
        if (!closed) open(io);
      },
      // The script could not be fetched (offline): the app works without live updates.
      () => undefined,
    );

    return () => {
      closed = true;
      clearTimeout(retry);
      socket?.removeAllListeners();
      socket?.disconnect();
      setState(OFFLINE);
    };
  }, [userId, client]);

  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}
