import type { NotificationMessage } from '@convene/shared-contracts';

/** Anything with a person's sequence number: a notification from a message or from the API. */
interface Sequenced {
  seq: number;
}

/** What a catch-up request answers: the notifications after a sequence number, oldest first. */
export interface CatchUpPage<N extends Sequenced> {
  notifications: N[];
  unreadCount: number;
}

export interface NotificationStreamPort<N extends Sequenced> {
  /** Shows new notifications (in the bell, the centre and a toast) with the person's unread count. */
  show(fresh: N[], unreadCount: number): void;
  /** Asks the API for the notifications after `after`; null when the request failed. */
  fetchAfter(after: number, first: number): Promise<CatchUpPage<N> | null>;
}

/** A socket message, its notification in the form the stream shows. */
export type StreamMessage<N extends Sequenced> = Omit<NotificationMessage, 'notification'> & { notification: N };

export const CATCH_UP_PAGE = 50;
const CATCH_UP_PAGES = 4;
const MAX_PASSES = 3;

/**
 * Keeps a person's notifications in sequence. A socket message that follows the last number shown
 * (its `previousSeq` is that number) is shown as it is, with no request; one that follows a number
 * not seen here (a message was missed) starts one catch-up request for everything after the last
 * number shown, as do a (re)connect and a tab shown again. Duplicates and what a catch-up already
 * brought are dropped. One catch-up runs at a time; a newer message or another reason to catch up
 * meanwhile asks for one more pass when it ends, if the first did not bring it.
 */
export class NotificationStream<N extends Sequenced> {
  /** The newest sequence number shown: null until the first list arrives. */
  private lastSeq: number | null = null;
  private running: Promise<void> | null = null;
  /** Asked to catch up again once the running pass ends (a reconnect or a visible tab meanwhile). */
  private again = false;
  /** The newest number a message announced while a catch-up ran. */
  private announced = 0;

  private readonly port: NotificationStreamPort<N>;

  // No parameter property: the load test runs this file as it is, with Node's type stripping.
  constructor(port: NotificationStreamPort<N>) {
    this.port = port;
  }

  /** The first list arrived: its newest number is where messages continue from. */
  start(newestSeq: number): void {
    if (this.lastSeq === null) this.lastSeq = newestSeq;
  }

  get last(): number | null {
    return this.lastSeq;
  }

  receive(message: StreamMessage<N>): void {
    // Before the first list, or during a catch-up, the list or the catch-up brings it.
    if (this.lastSeq === null) return;
    if (this.running) {
      this.announced = Math.max(this.announced, message.seq);
      return;
    }
    if (message.seq <= this.lastSeq) return;
    if (message.previousSeq === this.lastSeq) {
      this.lastSeq = message.seq;
      this.port.show([message.notification], message.unreadCount);
      return;
    }
    void this.catchUp();
  }

  /** Fetches everything after the last number shown (a skipped number, a reconnect, a tab shown again). */
  catchUp(): Promise<void> {
    const from = this.lastSeq;
    if (from === null) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run(from).finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves when no catch-up is running. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** From `from`, the last number shown: while a catch-up runs, only it moves that number (messages wait). */
  private async run(from: number): Promise<void> {
    let last = from;
    let passes = 0;
    do {
      this.again = false;
      passes += 1;
      for (let page = 0; page < CATCH_UP_PAGES; page++) {
        const after = last;
        const answer = await this.port.fetchAfter(after, CATCH_UP_PAGE);
        // A failed request ends it: the next gap, reconnect or visible tab tries again.
        if (!answer) return;
        const fresh = answer.notifications.filter((n) => n.seq > after);
        if (fresh.length) {
          last = Math.max(after, ...fresh.map((n) => n.seq));
          this.lastSeq = last;
        }
        this.port.show(fresh, answer.unreadCount);
        if (answer.notifications.length < CATCH_UP_PAGE) break;
      }
      // Bounded: what is still missing after that waits for the next reason to catch up.
    } while ((this.again || this.announced > last) && passes < MAX_PASSES);
  }
}
