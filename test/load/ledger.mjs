// Which change each notification on a simulated bell came from, and which notifications should
// have arrived. A change is known by its notification type, group and subject (content-free
// groups hide the subject: then by type and group); among several such changes, the one whose
// response came nearest the moment the notification was written is taken.

const MATCH_WINDOW_MS = 30_000;
/**
 * A notification is matched to its change this long after it was seen: a message can reach a bell
 * before the change's own response reaches its author, and an older change in the same place
 * must not take it meanwhile.
 */
const MATCH_DELAY_MS = 3_000;
/** Changes older than this are no longer candidates (keeps each lookup short). */
const KEEP_MS = 120_000;

/** Notification types whose changes the load makes; any other (reminders, history) is not timed. */
export const TIMED_TYPES = new Set([
  'POST_REPLY',
  'MENTIONED',
  'THREAD_CREATED',
  'DOCUMENT_ADDED',
  'JOIN_REQUESTED',
  'MEMBERSHIP_APPROVED',
  'EVENT_REGISTRATION',
  'PITCH_RECEIVED',
]);

/** Changes are known by type and group, which every notification shows, content-free or not. */
const deliveryKey = (type, groupId) => `${type}|${groupId ?? ''}`;

/**
 * Whether `notification` ({ type, groupId, subjectId, createdAt: epoch ms }) is the delivery
 * `expected` was waiting for: the same type about the same thing (the same group where the
 * notification hides its subject), written after the change was sent (an overloaded API may
 * answer seconds after the worker wrote it; a second's slack for the two clocks).
 */
export function delivers(notification, expected) {
  if (notification.type !== expected.type || notification.createdAt < expected.sentAt - 1000) return false;
  if (expected.subjectId && notification.subjectId) return notification.subjectId === expected.subjectId;
  return notification.groupId === expected.groupId;
}
const exactKey = (type, groupId, subjectId) => `${type}|${groupId ?? ''}|${subjectId}`;

export class NotificationLedger {
  constructor(recorder) {
    this.recorder = recorder;
    /** key → [{ at: performance.now() of the response, wall: Date.now() of it }] */
    this.changes = new Map();
    /** Seen before the change's response came back: delivery key → [{ seenAt, written }] (type in the key) */
    this.early = new Map();
    /** Deliveries the rules make certain: [{ recipientId, type, groupId, subjectId, at, wall, sentAt }] */
    this.expected = [];
  }

  /**
   * A change's response arrived. `types` are the notification types it causes in `groupId` about
   * `subjectId` (null when the answer does not say); `certain` maps a type to the people who must
   * be told; `sentAt` is when the change's request was sent (Date.now()).
   */
  changed({ types, groupId, subjectId = null, certain = {}, sentAt = Date.now() }) {
    // `seenBy`: whose bells showed its notification (a change tells each person once per type).
    const change = { at: performance.now(), wall: Date.now(), seenBy: new Set() };
    for (const type of types) {
      const key = deliveryKey(type, groupId);
      this.remember(key, change);
      if (subjectId) this.remember(exactKey(type, groupId, subjectId), change);
      const early = this.early.get(key);
      if (early?.length) {
        this.early.set(
          key,
          early.filter((seen) => {
            if (Math.abs(seen.written - change.wall) > MATCH_WINDOW_MS || change.seenBy.has(seen.recipientId))
              return true;
            change.seenBy.add(seen.recipientId);
            this.recorder.notificationSeen(change.at, Math.max(0, seen.seenAt - change.at), type);
            return false;
          }),
        );
      }
      for (const recipientId of certain[type] ?? [])
        this.expected.push({ recipientId, type, groupId, subjectId, at: change.at, wall: change.wall, sentAt });
    }
  }

  remember(key, change) {
    const list = (this.changes.get(key) ?? []).filter((c) => change.wall - c.wall < KEEP_MS);
    list.push(change);
    this.changes.set(key, list);
  }

  /**
   * A notification reached `recipientId`'s bell at `seenAt` (performance.now()). A change this
   * person already saw is not a candidate: their notification of a newer change in the same place
   * can reach them before the newer change's response reaches its author.
   */
  seen(notification, seenAt, recipientId) {
    setTimeout(() => this.match(notification, seenAt, recipientId), MATCH_DELAY_MS).unref?.();
  }

  match(notification, seenAt, recipientId) {
    if (!TIMED_TYPES.has(notification.type)) {
      this.recorder.unexplainedNotification();
      return;
    }
    const key = deliveryKey(notification.type, notification.group?.id);
    const written = Date.parse(notification.createdAt);
    const nearest = (list) => {
      let best = null;
      for (const change of list ?? []) {
        if (change.seenBy.has(recipientId)) continue;
        const distance = Math.abs(change.wall - written);
        if (distance <= MATCH_WINDOW_MS && (!best || distance < best.distance)) best = { change, distance };
      }
      return best?.change ?? null;
    };
    const change =
      (notification.subjectId &&
        nearest(this.changes.get(exactKey(notification.type, notification.group?.id, notification.subjectId)))) ||
      nearest(this.changes.get(key));
    if (change) {
      change.seenBy.add(recipientId);
      this.recorder.notificationSeen(change.at, Math.max(0, seenAt - change.at), notification.type);
      return;
    }
    const list = this.early.get(key) ?? [];
    list.push({ seenAt, written, recipientId });
    this.early.set(key, list);
  }

  /** Seen notifications never matched to a change. */
  unmatched() {
    let n = 0;
    for (const list of this.early.values()) n += list.length;
    return n;
  }
}
