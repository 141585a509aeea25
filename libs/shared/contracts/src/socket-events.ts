// What the server tells browsers over socket.io. A signal carries the new sequence number only;
// the client fetches `notifications(after: <its last seq>)`, so a missed signal loses nothing.

export interface NotificationSignal {
  /**
   * The person's newest notification sequence number, when the signal was for them alone. A
   * change that tells many people sends one signal to all of them, without it.
   */
  seq?: number;
}

export interface ServerToClientEvents {
  notification: (signal: NotificationSignal) => void;
}

// Nothing is sent from browsers to the server over the socket yet.
export type ClientToServerEvents = Record<string, never>;

export const SOCKET_EVENTS = { notification: 'notification' } as const;

/** Rooms: every socket of a person, and every socket of one session (to drop it at sign-out). */
export const socketRooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};

export enum NotificationType {
  JOIN_REQUESTED = 'JOIN_REQUESTED',
  MEMBERSHIP_APPROVED = 'MEMBERSHIP_APPROVED',
  MEMBERSHIP_DECLINED = 'MEMBERSHIP_DECLINED',
  GROUP_INVITATION = 'GROUP_INVITATION',
  ROLE_CHANGED = 'ROLE_CHANGED',
  THREAD_CREATED = 'THREAD_CREATED',
  POST_REPLY = 'POST_REPLY',
}
