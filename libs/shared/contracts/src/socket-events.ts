// What the server tells browsers over socket.io. A notification message carries the notification
// itself, as its recipient may see it, with the person's sequence number and unread count: the
// browser shows it without asking. It asks `notifications(after: <its last seq>)` only when a
// sequence number was skipped, after a (re)connect, and when a hidden tab is shown again, so a
// missed message loses nothing.
import type { Reaction } from './enums.js';

/** One notification as its recipient may see it: the web's `NotificationFields`, content-free applied. */
export interface NotificationView {
  id: string;
  seq: number;
  type: NotificationType;
  /** ISO 8601. */
  createdAt: string;
  readAt: string | null;
  group: { id: string; slug: string; name: string } | null;
  /** Null when content-free, or when no person caused it. */
  actor: { id: string; displayName: string } | null;
  subjectId: string | null;
  contentFree: boolean;
}

export interface NotificationMessage {
  /** The person's sequence number of this notification. */
  seq: number;
  /**
   * The sequence number of the person's notification shown in the app before this one (0 for
   * their first). A browser whose last number is not this one missed something: it catches up.
   */
  previousSeq: number;
  /** The person's unread notifications, this one included. */
  unreadCount: number;
  notification: NotificationView;
}

/** A person marked notifications read (in any tab or device): by id, or everything up to a sequence number. */
export interface NotificationsReadMessage {
  ids: string[];
  upToSeq: number | null;
  unreadCount: number;
}

/**
 * A post as every member of its group may see it: the web's `PostFields` without what depends on
 * who is looking (whether they wrote it, which reactions are theirs). A hidden post carries no text
 * (its author and the convenors keep the text they have, or fetch it).
 */
export interface ThreadPostView {
  id: string;
  threadId: string;
  parentId: string | null;
  depth: number;
  author: { id: string; displayName: string } | null;
  body: string | null;
  bodyHtml: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: { reason: string; hiddenAt: string } | null;
  reactions: { reaction: Reaction; count: number }[];
}

/** Someone posted in a discussion the browser is watching, or changed a post or the discussion. */
export interface ThreadSignal {
  threadId: string;
  /** The post added or changed; null when the thread itself changed (locked, opened). */
  postId: string | null;
  /** A new reply, or a change to a post (edit, delete, hide, reactions) or to the thread. */
  change: 'REPLY' | 'UPDATE';
  /** The post as it now is; null when the thread itself changed (the browser fetches it). */
  post: ThreadPostView | null;
}

export type WatchResult = { ok: true } | { ok: false; code: string };

export interface ServerToClientEvents {
  notification: (message: NotificationMessage) => void;
  'notifications:read': (message: NotificationsReadMessage) => void;
  'thread:post': (signal: ThreadSignal) => void;
}

export interface ClientToServerEvents {
  /** Start receiving `thread:post` for a discussion; refused (NOT_FOUND) outside its group. */
  'thread:watch': (threadId: string, ack: (result: WatchResult) => void) => void;
  'thread:unwatch': (threadId: string) => void;
}

export const SOCKET_EVENTS = {
  notification: 'notification',
  notificationsRead: 'notifications:read',
  threadPost: 'thread:post',
  threadWatch: 'thread:watch',
  threadUnwatch: 'thread:unwatch',
} as const;

/** Rooms: every socket of a person, and every socket of one session (to drop it at sign-out). */
export const socketRooms = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Sockets of people viewing one discussion. */
  thread: (threadId: string) => `thread:${threadId}`,
};

export enum NotificationType {
  JOIN_REQUESTED = 'JOIN_REQUESTED',
  MEMBERSHIP_APPROVED = 'MEMBERSHIP_APPROVED',
  MEMBERSHIP_DECLINED = 'MEMBERSHIP_DECLINED',
  GROUP_INVITATION = 'GROUP_INVITATION',
  ROLE_CHANGED = 'ROLE_CHANGED',
  THREAD_CREATED = 'THREAD_CREATED',
  POST_REPLY = 'POST_REPLY',
  /** Someone @mentioned the person, or the convenors through @group-convenors. */
  MENTIONED = 'MENTIONED',
  /** A convenor hid one of the person's posts, with a reason. */
  POST_HIDDEN = 'POST_HIDDEN',
  /** A member shared a new document in the group. */
  DOCUMENT_ADDED = 'DOCUMENT_ADDED',
  /** A new version of a document (or an old one made current again). */
  DOCUMENT_UPDATED = 'DOCUMENT_UPDATED',
  /** A convenor scheduled a meeting (or picked the time of a poll). */
  MEETING_SCHEDULED = 'MEETING_SCHEDULED',
  /** A meeting the person answered changed (time, place or details). */
  MEETING_UPDATED = 'MEETING_UPDATED',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  /** A meeting starts soon. */
  MEETING_REMINDER = 'MEETING_REMINDER',
  /** A convenor asked the group when they can meet. */
  POLL_OPENED = 'POLL_OPENED',
  /** Someone registered for an open event the person organises. */
  EVENT_REGISTRATION = 'EVENT_REGISTRATION',
  /** A partner pitched an idea to a group the person convenes (or, for "not sure", to the admins). */
  PITCH_RECEIVED = 'PITCH_RECEIVED',
  /** The person was asked to review a pitch. */
  PITCH_ASSIGNED = 'PITCH_ASSIGNED',
  /** The partner replied on a pitch the person reviews. */
  PITCH_REPLY = 'PITCH_REPLY',
}
