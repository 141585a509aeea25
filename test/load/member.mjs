// A simulated member: signs in once, keeps the web app's socket open, and loops through what
// people do on the hub, thinking 5–30 s between actions. Each page sends the requests the web
// app's page sends (cache-first queries only the first time, as Apollo Client does), and a socket
// message is answered exactly as the web app answers it, by the web's own NotificationStream: the
// bell shows a notification from its message alone, and asks `notifications(after:)` only after a
// missed message or a reconnect; an open discussion shows a post from its message (ThreadPage.tsx)
// and refetches its pages only when the discussion itself changed.
import { notificationPath } from '../../libs/web/notifications/src/hooks/notificationPath.ts';
import { NotificationStream } from '../../libs/web/notifications/src/hooks/notification-stream.ts';
import { LIMITS } from '../../libs/shared/contracts/src/limits.ts';
import { totpCode, totpStep } from '../support/totp.ts';
import { Browser } from './browser.mjs';
import { chance, pick, pickWeighted, sentence, sleep, uniform } from './random.mjs';

/** What members do, weighted: reading dominates; writing is a few in a hundred actions. */
export const MEMBER_MIX = {
  openGroup: 16,
  openThread: 26,
  groupsList: 4,
  reply: 5,
  react: 4,
  notificationCentre: 5,
  openNotification: 6,
  calendar: 6,
  meeting: 5,
  document: 6,
  search: 5,
  upload: 0.4,
  requestToJoin: 0.3,
  startThread: 0.2,
};

// The web app's page sizes. Those its components keep to themselves are copied here, and must be
// kept in step by hand: the bell (useNotificationFeed.ts), a group's discussions (GroupThreads.tsx)
// and documents (GroupDocuments.tsx), the notification centre (NotificationsPage.tsx).
const BELL_SIZE = 8;
const POSTS_PAGE = LIMITS.discussionPageMax;
const GROUP_THREADS_PAGE = 20;
const GROUP_DOCUMENTS_PAGE = 25;
const CENTRE_PAGE = 20;
/** The web follows pages until the first unread post; the load stops at this many. */
const MAX_REVEAL_PAGES = 50;
const REACTIONS = ['THUMBS_UP', 'HEART', 'CELEBRATE', 'THANKS', 'EYES'];
const SEARCH_WORDS = [
  'detention',
  'legal aid',
  'housing',
  'GP registration',
  'interpreters',
  'hostile environment',
  'police stops',
  'Brexit',
  'settled status',
  'faith',
  'summit',
  'campaign',
  'data sharing',
  'students',
  'domestic workers',
  'family reunion',
  'training',
  'funding',
  'consultation',
  'report',
];

/** Join requests a convenor of this generator has taken: no two decide the same. */
const claimedRequests = new Set();

export class Member {
  /**
   * @param {object} run  what all members share: origin, recorder, ledger, network, think, password, log
   * @param {object} person  a generated person from the network's manifest
   * @param {number} index  which member this is (its address and its first action)
   */
  constructor(run, person, index) {
    this.run = run;
    this.person = person;
    this.index = index;
    const n = run.indexOffset + index;
    this.browser = new Browser({
      origin: run.origin,
      recorder: run.recorder,
      address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    });
    this.groups = new Map(person.groups.map((g) => [g.id, g.role]));
    this.pending = new Set(person.pendingGroupIds ?? []);
    /** Apollo's cache-first queries already answered, by operation and variables. */
    this.cache = new Map();
    this.groupThreads = new Map();
    this.groupDocuments = new Map();
    this.bell = [];
    this.upcoming = [];
    this.stream = new NotificationStream({
      show: (fresh) => {
        // On screen from here: the web writes it into the bell's list (with a toast) at once.
        const seenAt = performance.now();
        for (const notification of fresh) {
          this.saw(notification);
          this.run.ledger.seen(notification, seenAt, this.person.id);
        }
      },
      fetchAfter: async (after, first) => {
        if (this.stopped) return null;
        const { data } = await this.browser.graphql('NotificationsAfter', { after, first });
        return data ? { notifications: data.notifications, unreadCount: data.unreadNotificationCount } : null;
      },
    });
    this.page = null;
    this.tasks = [];
    this.stopped = false;
    this.connectedAt = null;
    this.connects = 0;
    this.drops = [];
    /** Notification ids this bell has shown, and how many per delivery key. */
    this.seen = new Set();
    this.shown = [];
  }

  // ── session ──

  /** Signs in as the web does, opens the app on the groups list, and connects the socket. */
  async start() {
    const b = this.browser;
    const input = { email: this.person.email, password: this.run.password };
    let signIn = await b.graphql('SignIn', { input }, { expected: ['TWO_FACTOR_CODE_NEEDED'] });
    if (signIn.reason === 'TWO_FACTOR_CODE_NEEDED' && this.person.twoFactorSecret) {
      signIn = await b.graphql('SignIn', {
        input: { ...input, code: totpCode(this.person.twoFactorSecret, totpStep()) },
      });
    }
    if (signIn.code || !b.cookie) return false;
    // resetStore() refetches `me`; the app opens on the groups list; the header's bell mounts.
    await b.graphql('Me');
    await Promise.all([this.cached('WorkingGroups'), this.loadBell()]);
    const connected = await b.openSocket({
      // As the web app does on each (re)connect: catch up, watch the open discussion again and,
      // after a reconnect, refresh it (changes may have been missed).
      connect: () => {
        this.connectedAt ??= performance.now();
        this.connects += 1;
        void this.catchUp();
        if (this.page?.kind === 'thread') {
          void this.watch(this.page.id);
          if (this.connects > 1) void this.refreshThread();
        }
      },
      disconnect: (reason) => {
        this.drops.push(performance.now());
        this.run.recorder.socketDropped();
        // The server dropped it (sessions changed): the web tries again with what it holds.
        if (reason === 'io server disconnect' && !this.stopped) setTimeout(() => b.socket?.connect(), 2000).unref();
      },
      notification: (message) => this.stream.receive(message),
      'thread:post': (signal) => {
        if (this.page?.kind !== 'thread' || this.page.id !== signal.threadId) return;
        if (signal.post) void this.livePost(signal.post);
        else void this.refreshThread();
      },
    });
    return connected;
  }

  /** Thinks, acts, thinks… until stopped or `until` (performance.now()). */
  async live(until) {
    await sleep(uniform(0, this.run.think[1] * 1000), () => this.stopped);
    let first = this.run.coverAll ? Object.keys(MEMBER_MIX)[this.index % Object.keys(MEMBER_MIX).length] : null;
    while (!this.stopped && performance.now() < until) {
      const task = this.tasks.shift();
      const action = task ? task.action : (first ?? pickWeighted(MEMBER_MIX));
      first = null;
      try {
        await this[action](task);
      } catch (error) {
        this.run.log(`member ${this.index}: ${action} failed in the load generator: ${error.stack ?? error}`);
      }
      await sleep(uniform(this.run.think[0] * 1000, this.run.think[1] * 1000), () => this.stopped);
    }
  }

  async stop() {
    this.stopped = true;
    await this.browser.close();
  }

  /** Whether the socket was up through the whole window [from, to]. */
  onlineThrough(from, to) {
    return (
      this.connectedAt !== null &&
      this.connectedAt <= from &&
      !this.drops.some((t) => t >= from && t <= to) &&
      this.browser.socket?.connected === true
    );
  }

  // ── what the web app does by itself ──

  /** An Apollo cache-first query: asked once per session (per variables), then from the cache. */
  async cached(name, variables = {}) {
    const key = `${name}:${JSON.stringify(variables)}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const { data } = await this.browser.graphql(name, variables);
    if (data) this.cache.set(key, data);
    return data;
  }

  forget(name, variables = {}) {
    this.cache.delete(`${name}:${JSON.stringify(variables)}`);
  }

  /** The bell's list (and the centre's, when it is open): `Notifications`. */
  async loadBell() {
    const requests = [this.browser.graphql('Notifications', { first: BELL_SIZE })];
    if (this.page?.kind === 'centre') requests.push(this.browser.graphql('Notifications', { first: this.page.first }));
    const [bell] = await Promise.all(requests);
    if (bell.data) {
      this.bell = bell.data.notifications;
      this.stream.start(this.bell[0]?.seq ?? 0);
    }
    return bell.data;
  }

  /** useNotificationFeed's catch-up (after a reconnect): the web's NotificationStream. */
  catchUp() {
    if (this.stopped) return Promise.resolve();
    return this.stream.catchUp();
  }

  /** A notification reached this person's screen: remembered, and acted on where a person would. */
  saw(notification) {
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    this.shown.push(notification);
    // A convenor takes a join request: open the group and decide, next thing.
    if (
      notification.type === 'JOIN_REQUESTED' &&
      notification.group &&
      this.groups.get(notification.group.id) === 'CONVENOR'
    ) {
      this.tasks.push({ action: 'decideRequests', groupId: notification.group.id, notificationId: notification.id });
    }
    // Accepted into a group: from now on it is one of theirs.
    if (notification.type === 'MEMBERSHIP_APPROVED' && notification.group) {
      this.groups.set(notification.group.id, 'MEMBER');
      this.pending.delete(notification.group.id);
      this.forget('WorkingGroup', { slug: notification.group.slug });
    }
  }

  /**
   * A post from its message (live-post-cache.ts): a changed one in place; a new reply at the end
   * when every page is shown, then the discussion marked read (the page is open). No fetch.
   */
  async livePost(post) {
    const page = this.page;
    const nodes = page.thread.posts.nodes;
    const at = nodes.findIndex((p) => p.id === post.id);
    if (at >= 0) {
      nodes[at] = { ...nodes[at], ...post };
      return;
    }
    if (post.depth === 0 || page.thread.posts.hasNextPage) return;
    nodes.push(post);
    if (post.author?.id !== this.person.id) await this.browser.graphql('MarkThreadRead', { threadId: page.id });
  }

  /** The open discussion's refresh after a signal: its pages again, then marked read if needed. */
  async refreshThread() {
    const page = this.page;
    if (page.refreshing) {
      page.again = true;
      return;
    }
    page.refreshing = true;
    try {
      do {
        page.again = false;
        const shown = page.thread.posts.nodes.length;
        const fresh = await this.fetchThread(page.id, (t) => t.posts.nodes.length >= shown);
        if (!fresh || this.page !== page) return;
        page.thread = fresh;
        if (fresh.unreadCount > 0) await this.browser.graphql('MarkThreadRead', { threadId: page.id });
      } while (page.again && this.page === page && !this.stopped);
    } finally {
      page.refreshing = false;
    }
  }

  /** `Thread` pages from the first until `enough` (at most MAX_REVEAL_PAGES), merged. */
  async fetchThread(id, enough) {
    const { data } = await this.browser.graphql('Thread', { id, first: POSTS_PAGE });
    if (!data) return null;
    let thread = data.thread;
    for (let page = 1; page < MAX_REVEAL_PAGES && thread.posts.hasNextPage && !enough(thread); page++) {
      const next = await this.browser.graphql('Thread', { id, first: POSTS_PAGE, after: thread.posts.endCursor });
      if (!next.data) break;
      const more = next.data.thread.posts;
      thread = { ...thread, posts: { ...more, nodes: [...thread.posts.nodes, ...more.nodes] } };
    }
    return thread;
  }

  watch(threadId) {
    return this.browser.emitWithAck('thread:watch', 'thread:watch', threadId);
  }

  leavePage() {
    if (this.page?.kind === 'thread') this.browser.socket?.emit('thread:unwatch', this.page.id);
    this.page = null;
  }

  // ── pages and actions ──

  activeGroupIds() {
    return [...this.groups.keys()];
  }

  /** Groups where they may write: all of theirs but those they only observe. */
  writableGroupIds() {
    return this.activeGroupIds().filter((id) => this.groups.get(id) !== 'OBSERVER');
  }

  async groupsList() {
    this.leavePage();
    await this.cached('WorkingGroups');
    this.page = { kind: 'groups' };
  }

  /** A group's page: its summary, then (for its members) discussions, documents and the bell menu. */
  async openGroup(task) {
    const groupId =
      task?.groupId ??
      (chance(0.9) && this.groups.size ? pick(this.activeGroupIds()) : pick(this.run.network.groups).id);
    const group = this.run.groupsById.get(groupId);
    this.leavePage();
    const data = await this.cached('WorkingGroup', { slug: group.slug });
    const membership = data?.workingGroup?.viewerMembership;
    const sections = [];
    if (membership) sections.push(this.cached('GroupNotificationLevel', { slug: group.slug }));
    if (membership?.status === 'ACTIVE') {
      sections.push(
        this.browser
          .graphql('GroupThreads', { slug: group.slug, first: GROUP_THREADS_PAGE })
          .then(({ data: d }) => d && this.groupThreads.set(groupId, d.workingGroup.threads.nodes)),
        this.loadDocuments(group),
        this.cached('DocumentSettings'),
      );
    }
    await Promise.all(sections);
    this.page = { kind: 'group', groupId };
  }

  loadDocuments(group) {
    return this.browser
      .graphql('GroupDocuments', {
        slug: group.slug,
        first: GROUP_DOCUMENTS_PAGE,
        sort: 'UPDATED',
        kind: null,
        trashed: false,
        topLevel: true,
      })
      .then(({ data }) => data && this.groupDocuments.set(group.id, data.workingGroup.documents.nodes));
  }

  /** A group of theirs whose page they have open or open now, with its lists loaded. */
  async withGroupPage(listed) {
    const here = this.page?.kind === 'group' && this.groups.has(this.page.groupId) ? this.page.groupId : null;
    if (here && listed.get(here)?.length) return here;
    if (!this.groups.size) return null;
    const groupId = pick(this.activeGroupIds());
    await this.openGroup({ groupId });
    return listed.get(groupId)?.length ? groupId : null;
  }

  /** A discussion from the group page, opened where the reader stopped; then read and watched. */
  async openThread(task) {
    let threadId = task?.threadId;
    if (!threadId) {
      const groupId = await this.withGroupPage(this.groupThreads);
      if (!groupId) return;
      threadId = pick(this.groupThreads.get(groupId)).id;
    }
    this.leavePage();
    const opened = await this.browser.graphql('Thread', { id: threadId, first: POSTS_PAGE });
    if (!opened.data) return;
    let thread = opened.data.thread;
    const target = thread.readCount > 0 ? thread.firstUnreadPostId : null;
    const reveal = async () => {
      if (target && !thread.posts.nodes.some((p) => p.id === target)) {
        const merged = await this.fetchThread(threadId, (t) => t.posts.nodes.some((p) => p.id === target));
        if (merged) thread = merged;
      }
    };
    await Promise.all([this.cached('ThreadDocuments', { id: threadId }), reveal()]);
    if (thread.unreadCount > 0) await this.browser.graphql('MarkThreadRead', { threadId });
    this.page = { kind: 'thread', id: threadId, thread, groupId: thread.group?.id };
    await this.watch(threadId);
  }

  /** The open discussion (or one opened now), if it takes replies. */
  async withThread() {
    if (this.page?.kind !== 'thread') await this.openThread();
    const page = this.page;
    if (page?.kind !== 'thread' || page.thread.locked) return null;
    return page;
  }

  /** A reply under a post of the discussion; a third of them name someone from the group. */
  async reply() {
    const page = await this.withThread();
    if (!page) return;
    const parents = page.thread.posts.nodes.filter((p) => !p.deleted && !p.hidden);
    const parent = parents.length ? pick(parents) : null;
    const group = this.run.groupsById.get(page.groupId);
    let body = sentence(2 + Math.floor(uniform(0, 3)));
    let mentioned = null;
    if (chance(1 / 3) && group) {
      // The composer completes a name as it is typed: `Mentionable` with its first letters.
      const someone = this.run.peopleById.get(pick(group.activeMemberIds));
      const typed = someone?.displayName.slice(0, 3);
      const { data } = typed
        ? await this.browser.graphql('Mentionable', { slug: group.slug, query: typed, first: 6 })
        : { data: null };
      const choices = (data?.workingGroup?.mentionable ?? []).filter((p) => p.id !== this.person.id);
      if (choices.length) {
        mentioned = pick(choices);
        body = `@[${mentioned.displayName}] ${body}`;
      }
    }
    const { data, sentAt } = await this.browser.graphql('Reply', {
      input: { threadId: page.id, parentPostId: parent?.id ?? null, body },
    });
    if (!data) return;
    const parentAuthor = parent?.author?.id;
    this.run.ledger.changed({
      sentAt,
      types: mentioned ? ['POST_REPLY', 'MENTIONED'] : ['POST_REPLY'],
      groupId: page.groupId,
      subjectId: page.id,
      certain: {
        MENTIONED: mentioned ? [mentioned.id] : [],
        POST_REPLY:
          parentAuthor &&
          parentAuthor !== this.person.id &&
          parentAuthor !== mentioned?.id &&
          group?.activeMemberIds.includes(parentAuthor)
            ? [parentAuthor]
            : [],
      },
    });
    if (this.page === page) await this.refreshThread();
  }

  async react() {
    const page = await this.withThread();
    if (!page) return;
    const posts = page.thread.posts.nodes.filter((p) => !p.deleted && !p.hidden);
    if (!posts.length) return;
    const post = pick(posts);
    const reaction = pick(REACTIONS);
    const mine = post.reactions.some((r) => r.reaction === reaction && r.mine);
    await this.browser.graphql('ReactToPost', { input: { postId: post.id, reaction, active: !mine } });
  }

  async startThread() {
    const writable = this.writableGroupIds();
    if (!writable.length) return;
    const group = this.run.groupsById.get(pick(writable));
    const { data, sentAt } = await this.browser.graphql('CreateThread', {
      input: {
        groupId: group.id,
        title: sentence(1).slice(0, 120),
        body: sentence(4),
        tags: chance(0.5) ? ['campaign'] : [],
      },
    });
    if (!data) return;
    this.run.ledger.changed({ sentAt, types: ['THREAD_CREATED'], groupId: group.id, subjectId: data.createThread.id });
    // The web refetches the group's list; then the new discussion opens.
    await this.browser.graphql('GroupThreads', { slug: group.slug, first: GROUP_THREADS_PAGE });
    await this.openThread({ threadId: data.createThread.id });
  }

  /** The notification centre; half the time "mark all read". */
  async notificationCentre() {
    this.leavePage();
    this.page = { kind: 'centre', first: CENTRE_PAGE };
    const { data } = await this.browser.graphql('Notifications', { first: CENTRE_PAGE });
    if (!data) return;
    const unread = data.notifications.filter((n) => !n.readAt);
    if (data.unreadNotificationCount > 0 && unread.length && chance(0.5)) {
      const upToSeq = Math.max(...data.notifications.map((n) => n.seq));
      await this.browser.graphql('MarkNotificationsRead', { upToSeq });
      await this.loadBell();
    }
  }

  /** Clicks an unread notification in the bell: marked read, then what it is about opens (where the web goes). */
  async openNotification() {
    const unread = this.bell.filter((n) => !n.readAt);
    if (!unread.length) return;
    const notification = pick(unread);
    const { data } = await this.browser.graphql('MarkNotificationsRead', { ids: [notification.id] });
    if (data) notification.readAt = new Date().toISOString();
    const [, kind, id] = (notificationPath(notification) ?? '/notifications').split('/');
    if (kind === 'threads') return this.openThread({ threadId: id });
    if (kind === 'documents') return this.openDocument(id);
    if (kind === 'meetings') return this.openMeeting(id, false);
    if (kind === 'pitches') {
      this.leavePage();
      this.page = { kind: 'pitch' };
      return void (await this.browser.graphql('Pitch', { id: notification.subjectId }));
    }
    if (kind === 'groups' && notification.group) return this.openGroup({ groupId: notification.group.id });
    if (kind === 'polls') {
      this.leavePage();
      this.page = { kind: 'poll' };
      return void (await this.browser.graphql('MeetingPoll', { id }));
    }
    return this.notificationCentre();
  }

  /** The calendar's month (as the page computes its range), what is coming, and the feed box. */
  async calendar() {
    this.leavePage();
    const now = new Date();
    const month = chance(0.2) ? 1 : 0;
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month, 1));
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month + 1, 0));
    const gridStart = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
    const gridEnd = new Date(last.getTime() + (6 - ((last.getUTCDay() + 6) % 7)) * 86_400_000 + 86_400_000);
    const hours36 = 36 * 3_600_000;
    const [, upcoming] = await Promise.all([
      this.browser.graphql('MyCalendar', {
        from: new Date(gridStart.getTime() - hours36).toISOString(),
        to: new Date(gridEnd.getTime() + hours36).toISOString(),
      }),
      this.browser.graphql('MyCalendar', {
        from: now.toISOString(),
        to: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
      }),
      this.browser.graphql('CalendarFeed'),
    ]);
    if (upcoming.data) this.upcoming = upcoming.data.myCalendar.filter((m) => m.status === 'SCHEDULED');
    this.page = { kind: 'calendar' };
  }

  /** A meeting from the calendar; most of the time they answer whether they are coming. */
  async meeting() {
    if (!this.upcoming.length) await this.calendar();
    if (!this.upcoming.length) return;
    await this.openMeeting(pick(this.upcoming).id, chance(0.6));
  }

  async openMeeting(id, answer) {
    this.leavePage();
    this.page = { kind: 'meeting' };
    const { data } = await this.browser.graphql('Meeting', { id });
    const meeting = data?.meeting;
    if (!answer || !meeting || meeting.status !== 'SCHEDULED' || Date.parse(meeting.endsAt) < Date.now()) return;
    const response = pick(['GOING', 'GOING', 'MAYBE', 'NOT_GOING']);
    // The panel sends nothing for the answer already given.
    if (meeting.myRsvp?.response === response) return;
    await this.browser.graphql('Rsvp', { input: { meetingId: id, response, note: null } });
  }

  /** A document from a group's list: its page (images and PDFs preview inline) and a download. */
  async document() {
    const groupId = await this.withGroupPage(this.groupDocuments);
    if (!groupId) return;
    await this.openDocument(pick(this.groupDocuments.get(groupId)).id);
  }

  async openDocument(id) {
    this.leavePage();
    this.page = { kind: 'document' };
    const [{ data }] = await Promise.all([
      this.browser.graphql('Document', { id }),
      this.cached('WorkingGroups'),
      this.cached('DocumentSettings'),
    ]);
    const document = data?.document;
    if (!document) return;
    const path = `/api/documents/${encodeURIComponent(id)}/content`;
    if (/^(image\/|application\/pdf)/.test(document.contentType ?? '')) {
      await this.browser.rest('GET document content', 'read', {
        path: `${path}?version=${document.versionCount}&disposition=inline`,
      });
    }
    if (chance(0.4)) await this.browser.rest('GET document content', 'read', { path });
  }

  /** Search from the header: discussions and documents of their groups. */
  async search() {
    this.leavePage();
    this.page = { kind: 'search' };
    const query = pick(SEARCH_WORDS);
    await this.cached('WorkingGroups');
    await Promise.all([
      this.cached('SearchDocuments', { input: { query, groupId: null, first: 5 } }),
      this.cached('SearchPosts', { input: { query, groupId: null, first: 20 } }),
    ]);
  }

  /** A small file shared with one of their groups, from its page; the list is fetched again. */
  async upload() {
    const writable = this.writableGroupIds();
    if (!writable.length) return;
    const group = this.run.groupsById.get(pick(writable));
    if (this.page?.kind !== 'group' || this.page.groupId !== group.id) await this.openGroup({ groupId: group.id });
    const csv = chance(0.3);
    const lines = Array.from({ length: 20 + Math.floor(uniform(0, 200)) }, (_, i) =>
      csv ? `${i},${sentence(1).replaceAll(',', ';')}` : sentence(2),
    );
    const content = Buffer.from(`${csv ? 'row,note\n' : ''}${lines.join('\n')}\n`);
    const name = `${csv ? 'tally' : 'notes'}-${this.index}-${Date.now()}.${csv ? 'csv' : 'txt'}`;
    const boundary = `----convene-load-${this.index}-${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${csv ? 'text/csv' : 'text/plain'}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await this.browser.rest('POST upload document', 'write', {
      method: 'POST',
      path: `/api/groups/${encodeURIComponent(group.id)}/documents`,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-requested-with': 'convene',
        accept: 'application/json',
      },
      body,
    });
    if (answer.code) return;
    const created = JSON.parse(answer.body.toString('utf8'));
    this.run.ledger.changed({
      sentAt: answer.sentAt,
      types: ['DOCUMENT_ADDED'],
      groupId: group.id,
      subjectId: created.document?.id ?? null,
    });
    await this.loadDocuments(group);
  }

  /** Asks to join a group they are not in, from the groups list. */
  async requestToJoin() {
    await this.groupsList();
    const candidates = this.run.network.groups.filter(
      (g) => g.joinPolicy !== 'INVITE_ONLY' && !this.groups.has(g.id) && !this.pending.has(g.id),
    );
    if (!candidates.length) return;
    const group = pick(candidates);
    const { data, sentAt } = await this.browser.graphql('RequestToJoin', {
      input: { groupId: group.id, message: null },
    });
    if (!data) return;
    const membership = data.requestToJoin;
    if (membership.status === 'ACTIVE') this.groups.set(group.id, membership.role);
    else {
      this.pending.add(group.id);
      this.run.ledger.changed({
        sentAt,
        types: ['JOIN_REQUESTED'],
        groupId: group.id,
        subjectId: membership.id,
        certain: { JOIN_REQUESTED: group.convenorIds },
      });
    }
    // refetchQueries: ['WorkingGroups', 'WorkingGroup'], awaited: on the groups list, the list.
    this.forget('WorkingGroups');
    await this.cached('WorkingGroups');
  }

  /**
   * A convenor who saw a join request: marks it read, opens the group's page and approves the
   * requests waiting there that no other convenor took.
   */
  async decideRequests(task) {
    const group = this.run.groupsById.get(task.groupId);
    await this.browser.graphql('MarkNotificationsRead', { ids: [task.notificationId] });
    this.leavePage();
    // Opened from the notification, the group page shows today's requests.
    this.forget('WorkingGroup', { slug: group.slug });
    const data = await this.cached('WorkingGroup', { slug: group.slug });
    this.page = { kind: 'group', groupId: group.id };
    for (const request of data?.workingGroup?.pendingRequests?.nodes ?? []) {
      // Another generator's applicant is its convenors' to decide.
      if (claimedRequests.has(request.id) || !this.run.ownPeople.has(request.user?.id)) continue;
      claimedRequests.add(request.id);
      const decided = await this.browser.graphql('DecideMembership', {
        input: { membershipId: request.id, approve: true },
      });
      if (!decided.data) continue;
      this.run.ledger.changed({
        sentAt: decided.sentAt,
        types: ['MEMBERSHIP_APPROVED'],
        groupId: group.id,
        subjectId: request.id,
        certain: { MEMBERSHIP_APPROVED: [request.user?.id].filter(Boolean) },
      });
      this.forget('WorkingGroup', { slug: group.slug });
      await this.cached('WorkingGroup', { slug: group.slug });
    }
  }
}
