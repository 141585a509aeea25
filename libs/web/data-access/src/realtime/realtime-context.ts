import type { ClientToServerEvents, ServerToClientEvents } from '@convene/shared-contracts';
import { createContext } from 'react';
import type { Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeState {
  /** The signed-in person's socket; null when signed out. */
  socket: RealtimeSocket | null;
  connected: boolean;
  /**
   * How many times the socket has connected. Signals sent while it was away are lost, so anything
   * kept up to date by signals catches up whenever this changes.
   */
  connects: number;
}

export const OFFLINE: RealtimeState = { socket: null, connected: false, connects: 0 };

export const RealtimeContext = createContext<RealtimeState>(OFFLINE);
