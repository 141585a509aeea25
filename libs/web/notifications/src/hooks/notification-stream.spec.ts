import { describe, expect, it, jest } from '@jest/globals';
import { NotificationType, type NotificationMessage, type NotificationView } from '@convene/shared-contracts';
import { NotificationStream, type CatchUpPage, type NotificationStreamPort } from './notification-stream';

const view = (seq: number): NotificationView => ({
  id: `n${seq}`,
  seq,
  type: NotificationType.JOIN_REQUESTED,
  createdAt: '2026-12-06T10:00:00.000Z',
  readAt: null,
  group: { id: 'g', slug: 'health-and-social-care', name: 'Health and Social Care' },
  actor: null,
  subjectId: null,
  contentFree: false,
});
const message = (seq: number, previousSeq = seq - 1, unreadCount = 1): NotificationMessage => ({
  seq,
  previousSeq,
  unreadCount,
  notification: view(seq),
});

/** A port whose catch-up answers from a list of what the server holds, and records what was shown. */
function setUp(server: number[]) {
  const shown: number[][] = [];
  const counts: number[] = [];
  let answer: (() => void) | null = null;
  let hold = false;
  const fetchAfter = jest.fn<NotificationStreamPort<NotificationView>['fetchAfter']>(async (after, first) => {
    if (hold) await new Promise<void>((resolve) => (answer = resolve));
    const notifications = server
      .filter((seq) => seq > after)
      .slice(0, first)
      .map(view);
    return { notifications, unreadCount: notifications.length } satisfies CatchUpPage<NotificationView>;
  });
  const stream = new NotificationStream<NotificationView>({
    show: (fresh, unread) => (shown.push(fresh.map((n) => n.seq)), counts.push(unread)),
    fetchAfter,
  });
  return {
    stream,
    fetchAfter,
    shown,
    counts,
    holdAnswers: () => (hold = true),
    release: () => {
      hold = false;
      answer?.();
    },
  };
}

describe(NotificationStream.name, () => {
  it('shows the next notification from the message alone, with no request', () => {
    const { stream, fetchAfter, shown, counts } = setUp([]);
    stream.start(5);
    stream.receive(message(6, 5, 3));
    expect(shown).toEqual([[6]]);
    expect(counts).toEqual([3]);
    expect(stream.last).toBe(6);
    expect(fetchAfter).not.toHaveBeenCalled();
  });

  it('continues across numbers taken by email-only notifications: previousSeq says what came before', () => {
    const { stream, fetchAfter, shown } = setUp([]);
    stream.start(5);
    stream.receive(message(8, 5));
    expect(shown).toEqual([[8]]);
    expect(fetchAfter).not.toHaveBeenCalled();
  });

  it('makes exactly one catch-up request when a message follows one it missed, then carries on from messages', async () => {
    const { stream, fetchAfter, shown } = setUp([6, 7, 8]);
    stream.start(5);
    stream.receive(message(8, 7));
    await stream.settled();
    expect(fetchAfter.mock.calls).toEqual([[5, 50]]);
    expect(shown).toEqual([[6, 7, 8]]);
    expect(stream.last).toBe(8);
    stream.receive(message(9, 8));
    expect(fetchAfter).toHaveBeenCalledTimes(1);
    expect(shown.at(-1)).toEqual([9]);
  });

  it('folds messages that arrive during a catch-up into it, asking again only for what it did not bring', async () => {
    const { stream, fetchAfter, shown, holdAnswers, release } = setUp([6, 7, 8]);
    stream.start(5);
    holdAnswers();
    stream.receive(message(7, 6)); // a gap: one request, held
    stream.receive(message(8, 7)); // arrives meanwhile; the held answer will hold it
    const done = stream.settled();
    release();
    await done;
    expect(fetchAfter).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([[6, 7, 8]]);
  });

  it('drops repeats and what a catch-up already brought', async () => {
    const { stream, fetchAfter, shown } = setUp([6]);
    stream.start(5);
    stream.receive(message(6, 5));
    stream.receive(message(6, 5));
    stream.receive(message(4, 3));
    expect(shown).toEqual([[6]]);
    expect(fetchAfter).not.toHaveBeenCalled();
  });

  it('asks once more when told to catch up during a pass (a reconnect may have missed what it fetched)', async () => {
    const { stream, fetchAfter, holdAnswers, release } = setUp([6]);
    stream.start(5);
    holdAnswers();
    const first = stream.catchUp();
    void stream.catchUp();
    release();
    await first;
    expect(fetchAfter.mock.calls.map(([after]) => after)).toEqual([5, 6]);
  });

  it('waits for the first list before it shows or asks anything', async () => {
    const { stream, fetchAfter, shown } = setUp([1]);
    stream.receive(message(1, 0));
    await stream.catchUp();
    expect(shown).toEqual([]);
    expect(fetchAfter).not.toHaveBeenCalled();
  });

  it('pages through a long absence, 50 at a time', async () => {
    const { stream, fetchAfter, shown } = setUp(Array.from({ length: 120 }, (_, i) => i + 1));
    stream.start(0);
    await stream.catchUp();
    expect(fetchAfter.mock.calls.map(([after]) => after)).toEqual([0, 50, 100]);
    expect(shown.map((s) => s.length)).toEqual([50, 50, 20]);
    expect(stream.last).toBe(120);
  });
});
