// The text of every mail Convene sends, in each supported locale. Params are plain strings; the
// HTML version escapes them. Mail that comes from a notification carries a footer saying why it
// was sent, with a one-click unsubscribe link for its category and a link to the settings.
import { MembershipRole, NotificationType, type Locale } from '@convene/shared-contracts';

/** One line about one notification, as the digest and content-free mails list them. */
export interface NotificationLine {
  type: NotificationType;
  groupName: string | null;
  /** Null in content-free mode: say that something happened and where, never who or what. */
  actorName: string | null;
  role?: MembershipRole | null;
  link: string;
}

export interface MailTemplates {
  'network-invitation': { inviterName: string; link: string; expiresOn: string };
  /** A person's data export is ready to download (for 7 days). */
  'data-export-ready': { link: string; expiresOn: string };
  /** "Forgot password": a link good once, for an hour. */
  'password-reset': { link: string; minutes: number };
  /** To someone without an account yet: the link signs them up. */
  'group-invitation': { inviterName: string; groupName: string; link: string };
  'join-request': { requesterName: string; groupName: string; link: string; message: string };
  'membership-approved': { groupName: string; link: string };
  'membership-declined': { groupName: string };
  'group-invited': { inviterName: string; groupName: string; link: string };
  'role-changed': { groupName: string; role: MembershipRole; link: string };
  /** Any notification in content-free mode. */
  'content-free': { line: NotificationLine };
  digest: { frequency: 'DAILY' | 'WEEKLY'; lines: NotificationLine[]; link: string };
  /** A meeting notification; `when` is already written in the reader's time zone, with the zone named. */
  meeting: { line: NotificationLine; title: string; when: string; place: string; reason: string };
  /** To someone who registered for an open event (no account needed). */
  'event-registration': {
    title: string;
    when: string;
    place: string;
    status: 'CONFIRMED' | 'PENDING' | 'WAITLISTED';
    link: string;
    /** The video call, for a confirmed place only. */ onlineUrl?: string | null;
  };
  'event-already-registered': { title: string; link: string };
  /** A place came free (or the organiser approved the registration). */
  'event-place-confirmed': {
    title: string;
    when: string;
    place: string;
    link: string;
    fromWaitlist: boolean;
    onlineUrl?: string | null;
  };
  /** A place came free at a workshop of an event's programme that the registrant was waiting for. */
  'event-session-place': { title: string; session: string; when: string; link: string };
  'event-registration-declined': { title: string };
  'event-registration-cancelled': { title: string };
  /** To a partner who pitched an idea (no account): the pitch arrived, with its private link. */
  'pitch-received': { title: string; link: string };
  /** Its status changed (under review, accepted into a group, declined with a reason). */
  'pitch-status': {
    title: string;
    status: 'UNDER_REVIEW' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
    groupName: string;
    reason: string;
    link: string;
  };
  /** The convenors wrote to the partner. */
  'pitch-message': { title: string; message: string; link: string };
  /** The event moved, changed place or was cancelled. */
  'event-changed': { title: string; when: string; place: string; cancelled: boolean; reason: string; link: string };
  /** The organisers wrote to everyone registered. */
  'event-message': { title: string; subject: string; message: string; link: string };
  /**
   * A new discussion, a reply or a mention, with the post itself (its safe HTML and plain text), in
   * a group that is not content-free for a reader who is not either. `replyable`: the mail has a
   * reply address, and answering it posts in the discussion.
   */
  post: {
    line: NotificationLine;
    threadTitle: string;
    html: string;
    text: string;
    /** A reply (the subject says "Re:", so mail programs keep one conversation per discussion). */
    isReply: boolean;
    replyable: boolean;
  };
  /** An emailed reply that was not posted, and why; nothing of it was kept. */
  'reply-refused': { reason: ReplyRefusal; subject: string; detail: string };
}

/** Why an emailed reply was not posted. */
export type ReplyRefusal =
  'unknown-address' | 'wrong-sender' | 'not-member' | 'locked' | 'too-big' | 'file-refused' | 'empty' | 'too-many';
export type MailKind = keyof MailTemplates;

export interface MailFooter {
  /** What kind of notification this is, in the reader's words, e.g. "join requests". */
  category: string;
  unsubscribeUrl: string;
  settingsUrl: string;
}

interface Rendered {
  subject: string;
  paragraphs: string[];
  /** Someone's words, set apart: already safe HTML (rendered Markdown) and its plain text. */
  quote?: { html: string; text: string };
  list?: { text: string; link: string }[];
  action?: { label: string; link: string };
  /** A line after the action, e.g. that answering the mail posts a reply. */
  note?: string;
}

type Catalogue = { [K in MailKind]: (p: MailTemplates[K]) => Rendered };

interface Words {
  roles: Record<MembershipRole, string>;
  line: (l: NotificationLine) => string;
  footer: (f: MailFooter) => { why: string; stop: string; settings: string };
  categories: Record<string, string>;
}

const enWords: Words = {
  roles: { CONVENOR: 'convenor', MEMBER: 'member', OBSERVER: 'observer' },
  line: (l) => {
    const group = l.groupName ? `“${l.groupName}”` : 'a group';
    const who = l.actorName;
    switch (l.type) {
      case NotificationType.JOIN_REQUESTED:
        return who ? `${who} asked to join ${group}` : `A new request to join ${group}`;
      case NotificationType.MEMBERSHIP_APPROVED:
        return `Your request to join ${group} was approved`;
      case NotificationType.MEMBERSHIP_DECLINED:
        return `Your request to join ${group} was not approved`;
      case NotificationType.GROUP_INVITATION:
        return who ? `${who} invited you to ${group}` : `You are invited to ${group}`;
      case NotificationType.ROLE_CHANGED:
        return l.role && who ? `${who} made you ${enWords.roles[l.role]} of ${group}` : `Your role in ${group} changed`;
      case NotificationType.THREAD_CREATED:
        return who ? `${who} started a discussion in ${group}` : `A new discussion in ${group}`;
      case NotificationType.POST_REPLY:
        return who ? `${who} replied in a discussion you follow in ${group}` : `A new reply in ${group}`;
      case NotificationType.MENTIONED:
        return who ? `${who} mentioned you in ${group}` : `You were mentioned in ${group}`;
      case NotificationType.POST_HIDDEN:
        return `A convenor of ${group} hid one of your posts`;
      case NotificationType.DOCUMENT_ADDED:
        return who ? `${who} shared a document in ${group}` : `A new document in ${group}`;
      case NotificationType.DOCUMENT_UPDATED:
        return who ? `${who} updated a document in ${group}` : `A document changed in ${group}`;
      case NotificationType.MEETING_SCHEDULED:
        return who ? `${who} scheduled a meeting of ${group}` : `A new meeting of ${group}`;
      case NotificationType.MEETING_UPDATED:
        return `A meeting of ${group} changed`;
      case NotificationType.MEETING_CANCELLED:
        return `A meeting of ${group} was cancelled`;
      case NotificationType.MEETING_REMINDER:
        return `A meeting of ${group} starts soon`;
      case NotificationType.POLL_OPENED:
        return who ? `${who} asks when you can meet (${group})` : `Say when you can meet (${group})`;
      case NotificationType.EVENT_REGISTRATION:
        return `Someone registered for an event of ${group}`;
      case NotificationType.PITCH_RECEIVED:
        return l.groupName ? `A partner pitched an idea to ${group}` : 'A partner pitched an idea';
      case NotificationType.PITCH_ASSIGNED:
        return who ? `${who} asked you to review a pitch` : 'You were asked to review a pitch';
      case NotificationType.PITCH_REPLY:
        return 'A partner replied on a pitch you review';
    }
  },
  footer: (f) => ({
    why: `You get this email because of your notification settings for ${f.category}.`,
    stop: `Stop emails about ${f.category}`,
    settings: 'Notification settings',
  }),
  categories: {
    JOIN_REQUESTS: 'join requests',
    MEMBERSHIP: 'your memberships',
    DISCUSSIONS: 'new discussions',
    REPLIES: 'replies, mentions and your posts',
    DOCUMENTS: 'documents',
    MEETINGS: 'meetings',
    REGISTRATIONS: 'event registrations',
    PITCHES: 'partner pitches',
    DIGEST: 'the digest',
  },
};

const arWords: Words = {
  roles: { CONVENOR: 'منسقاً', MEMBER: 'عضواً', OBSERVER: 'مراقباً' },
  line: (l) => {
    const group = l.groupName ? `«${l.groupName}»` : 'مجموعة';
    const who = l.actorName;
    switch (l.type) {
      case NotificationType.JOIN_REQUESTED:
        return who ? `طلب ${who} الانضمام إلى ${group}` : `طلب انضمام جديد إلى ${group}`;
      case NotificationType.MEMBERSHIP_APPROVED:
        return `تمت الموافقة على طلبك للانضمام إلى ${group}`;
      case NotificationType.MEMBERSHIP_DECLINED:
        return `لم تتم الموافقة على طلبك للانضمام إلى ${group}`;
      case NotificationType.GROUP_INVITATION:
        return who ? `دعاك ${who} إلى ${group}` : `أنت مدعو إلى ${group}`;
      case NotificationType.ROLE_CHANGED:
        return l.role && who ? `جعلك ${who} ${arWords.roles[l.role]} في ${group}` : `تغيّر دورك في ${group}`;
      case NotificationType.THREAD_CREATED:
        return who ? `بدأ ${who} نقاشاً في ${group}` : `نقاش جديد في ${group}`;
      case NotificationType.POST_REPLY:
        return who ? `ردّ ${who} في نقاش تتابعه في ${group}` : `ردّ جديد في ${group}`;
      case NotificationType.MENTIONED:
        return who ? `أشار إليك ${who} في ${group}` : `تمت الإشارة إليك في ${group}`;
      case NotificationType.POST_HIDDEN:
        return `أخفى أحد منسقي ${group} إحدى مشاركاتك`;
      case NotificationType.DOCUMENT_ADDED:
        return who ? `شارك ${who} مستنداً في ${group}` : `مستند جديد في ${group}`;
      case NotificationType.DOCUMENT_UPDATED:
        return who ? `حدّث ${who} مستنداً في ${group}` : `تغيّر مستند في ${group}`;
      case NotificationType.MEETING_SCHEDULED:
        return who ? `حدد ${who} موعد اجتماع لـ${group}` : `اجتماع جديد لـ${group}`;
      case NotificationType.MEETING_UPDATED:
        return `تغيّر اجتماع لـ${group}`;
      case NotificationType.MEETING_CANCELLED:
        return `أُلغي اجتماع لـ${group}`;
      case NotificationType.MEETING_REMINDER:
        return `يبدأ اجتماع لـ${group} قريباً`;
      case NotificationType.POLL_OPENED:
        return who ? `يسأل ${who} متى يمكنك الاجتماع (${group})` : `أخبرنا متى يمكنك الاجتماع (${group})`;
      case NotificationType.EVENT_REGISTRATION:
        return `سجّل أحدهم في فعالية لـ${group}`;
      case NotificationType.PITCH_RECEIVED:
        return l.groupName ? `قدّم شريك فكرة إلى ${group}` : 'قدّم شريك فكرة';
      case NotificationType.PITCH_ASSIGNED:
        return who ? `طلب منك ${who} مراجعة مقترح` : 'طُلب منك مراجعة مقترح';
      case NotificationType.PITCH_REPLY:
        return 'ردّ شريك على مقترح تراجعه';
    }
  },
  footer: (f) => ({
    why: `تصلك هذه الرسالة بسبب إعدادات الإشعارات الخاصة بك لـ${f.category}.`,
    stop: `إيقاف الرسائل حول ${f.category}`,
    settings: 'إعدادات الإشعارات',
  }),
  categories: {
    JOIN_REQUESTS: 'طلبات الانضمام',
    MEMBERSHIP: 'عضوياتك',
    DISCUSSIONS: 'النقاشات الجديدة',
    REPLIES: 'الردود والإشارات ومشاركاتك',
    DOCUMENTS: 'المستندات',
    MEETINGS: 'الاجتماعات',
    REGISTRATIONS: 'التسجيل في الفعاليات',
    PITCHES: 'مقترحات الشركاء',
    DIGEST: 'الملخص',
  },
};

const en: Catalogue = {
  'data-export-ready': (p) => ({
    subject: 'Your Convene data export is ready',
    paragraphs: [
      'The copy of your data you asked for is ready: your profile, memberships, posts, the documents you uploaded, your answers to meetings and your notifications, in one zip file.',
      `Download it from your security settings while you are signed in. It is deleted on ${p.expiresOn}.`,
    ],
    action: { label: 'Open your security settings', link: p.link },
  }),
  'password-reset': (p) => ({
    subject: 'Reset your Convene password',
    paragraphs: [
      `Someone asked to reset the password of your Convene account. If it was you, use the link below within ${p.minutes} minutes. It works once.`,
      'If you have two-factor sign-in on, you will need a code from your authenticator app or a recovery code as well.',
      'If it was not you, ignore this email: your password stays as it is.',
    ],
    action: { label: 'Choose a new password', link: p.link },
  }),
  'network-invitation': (p) => ({
    subject: `${p.inviterName} invited you to Convene`,
    paragraphs: [
      `${p.inviterName} has invited you to join Convene, the working space of the migrants' rights network.`,
      `The invitation can be used once and expires on ${p.expiresOn}.`,
    ],
    action: { label: 'Accept the invitation', link: p.link },
  }),
  'group-invitation': (p) => ({
    subject: `You are invited to ${p.groupName}`,
    paragraphs: [`${p.inviterName} has invited you to the working group “${p.groupName}”.`],
    action: { label: 'Open the group', link: p.link },
  }),
  'join-request': (p) => ({
    subject: `${p.requesterName} asks to join ${p.groupName}`,
    paragraphs: [
      `${p.requesterName} has asked to join “${p.groupName}”.`,
      ...(p.message ? [`Their note: “${p.message}”`] : []),
    ],
    action: { label: 'Review the request', link: p.link },
  }),
  'membership-approved': (p) => ({
    subject: `Welcome to ${p.groupName}`,
    paragraphs: [`Your request to join “${p.groupName}” was approved.`],
    action: { label: 'Open the group', link: p.link },
  }),
  'membership-declined': (p) => ({
    subject: `Your request to join ${p.groupName}`,
    paragraphs: [
      `Your request to join “${p.groupName}” was not approved this time. You can contact the group's convenors for more information.`,
    ],
  }),
  'group-invited': (p) => ({
    subject: `You are invited to ${p.groupName}`,
    paragraphs: [
      `${p.inviterName} has invited you to the working group “${p.groupName}”. Open the group to accept or decline.`,
    ],
    action: { label: 'Open the group', link: p.link },
  }),
  'role-changed': (p) => ({
    subject: `You are now ${enWords.roles[p.role]} of ${p.groupName}`,
    paragraphs: [`Your role in “${p.groupName}” is now ${enWords.roles[p.role]}.`],
    action: { label: 'Open the group', link: p.link },
  }),
  'content-free': (p) => ({
    subject: p.line.groupName ? `Something new in ${p.line.groupName}` : 'Something new in Convene',
    paragraphs: [`${enWords.line(p.line)}.`, 'Sign in to Convene to see it.'],
    action: { label: 'Open Convene', link: p.line.link },
  }),
  digest: (p) => ({
    subject: `${p.frequency === 'WEEKLY' ? 'Your weekly' : 'Your daily'} Convene digest: ${p.lines.length} new`,
    paragraphs: [`Here is what happened since your last digest that you have not read yet.`],
    list: p.lines.map((l) => ({ text: enWords.line(l), link: l.link })),
    action: { label: 'Open your notifications', link: p.link },
  }),
  meeting: (p) => ({
    subject: `${enWords.line(p.line)}: ${p.title}`,
    paragraphs: [
      `${enWords.line(p.line)}.`,
      `“${p.title}”, ${p.when}.`,
      ...(p.place ? [`Where: ${p.place}`] : []),
      ...(p.reason ? [`Reason: ${p.reason}`] : []),
      'The calendar invitation is attached.',
    ],
    action: { label: 'Open the meeting', link: p.line.link },
  }),
  'event-registration': (p) => ({
    subject:
      p.status === 'CONFIRMED'
        ? `You are registered: ${p.title}`
        : p.status === 'PENDING'
          ? `Registration received: ${p.title}`
          : `You are on the waitlist: ${p.title}`,
    paragraphs: [
      p.status === 'CONFIRMED'
        ? `Thank you for registering for “${p.title}”. Your place is confirmed.`
        : p.status === 'PENDING'
          ? `Thank you for registering for “${p.title}”. The organisers will confirm your place soon.`
          : `“${p.title}” is full, so you are on the waitlist. If a place comes free it is offered to you automatically and we will email you.`,
      `When: ${p.when}`,
      ...(p.place ? [`Where: ${p.place}`] : []),
      ...(p.onlineUrl ? [`Join online: ${p.onlineUrl}`] : []),
      ...(p.status === 'CONFIRMED' ? ['The calendar invitation is attached.'] : []),
      'Keep this email: the link below lets you see or cancel your registration. No account is needed.',
    ],
    action: { label: 'See or cancel your registration', link: p.link },
  }),
  'event-already-registered': (p) => ({
    subject: `Your registration for ${p.title}`,
    paragraphs: [
      `Someone (probably you) tried to register this email address for “${p.title}” again. You are already registered.`,
      'Use the link below to see or cancel your registration; earlier links no longer work.',
    ],
    action: { label: 'See your registration', link: p.link },
  }),
  'event-place-confirmed': (p) => ({
    subject: `Your place is confirmed: ${p.title}`,
    paragraphs: [
      p.fromWaitlist
        ? `Good news: a place came free at “${p.title}” and it is yours.`
        : `The organisers confirmed your place at “${p.title}”.`,
      `When: ${p.when}`,
      ...(p.place ? [`Where: ${p.place}`] : []),
      ...(p.onlineUrl ? [`Join online: ${p.onlineUrl}`] : []),
      'The calendar invitation is attached. If you can no longer come, please cancel so that someone else can have the place.',
    ],
    action: { label: 'See or cancel your registration', link: p.link },
  }),
  'event-session-place': (p) => ({
    subject: `You have a place at “${p.session}”: ${p.title}`,
    paragraphs: [
      `Good news: a place came free at the session “${p.session}” of “${p.title}”, and it is yours.`,
      `When: ${p.when}`,
      'If you can no longer take part, change your sessions so that someone else can have the place.',
    ],
    action: { label: 'See your programme', link: p.link },
  }),
  'event-registration-declined': (p) => ({
    subject: `Your registration for ${p.title}`,
    paragraphs: [
      `The organisers of “${p.title}” could not confirm your registration this time. Your details will be deleted after the event.`,
    ],
  }),
  'event-registration-cancelled': (p) => ({
    subject: `Registration cancelled: ${p.title}`,
    paragraphs: [`Your registration for “${p.title}” is cancelled. Thank you for letting the organisers know.`],
  }),
  'pitch-received': (p) => ({
    subject: `We received your pitch: ${p.title}`,
    paragraphs: [
      `Thank you for pitching “${p.title}” to the network. The convenors of the working groups it concerns will read it and reply.`,
      'Keep this email: the link below shows where your pitch stands, the convenors’ messages, and lets you reply or withdraw it. No account is needed.',
    ],
    action: { label: 'See your pitch', link: p.link },
  }),
  'pitch-status': (p) => ({
    subject:
      p.status === 'ACCEPTED'
        ? `Your pitch was accepted: ${p.title}`
        : p.status === 'DECLINED'
          ? `About your pitch: ${p.title}`
          : p.status === 'WITHDRAWN'
            ? `Pitch withdrawn: ${p.title}`
            : `Your pitch is under review: ${p.title}`,
    paragraphs:
      p.status === 'ACCEPTED'
        ? [
            `Good news: “${p.title}” was accepted${p.groupName ? ` by the working group “${p.groupName}”` : ''}, which will take it forward.`,
          ]
        : p.status === 'DECLINED'
          ? [
              `The convenors could not take “${p.title}” forward this time.`,
              ...(p.reason ? [`Their reason: ${p.reason}`] : []),
            ]
          : p.status === 'WITHDRAWN'
            ? [`You withdrew “${p.title}”. Thank you for letting us know.`]
            : [`The convenors are now reviewing “${p.title}”. They may write to you with questions.`],
    action: { label: 'See your pitch', link: p.link },
  }),
  'pitch-message': (p) => ({
    subject: `A message about your pitch: ${p.title}`,
    paragraphs: [`The convenors wrote about “${p.title}”:`, p.message, 'You can reply through the link below.'],
    action: { label: 'Read and reply', link: p.link },
  }),
  'event-changed': (p) => ({
    subject: p.cancelled ? `Cancelled: ${p.title}` : `Changed: ${p.title}`,
    paragraphs: p.cancelled
      ? [
          `The organisers have cancelled “${p.title}”.`,
          ...(p.reason ? [`Reason: ${p.reason}`] : []),
          'Your registration needs nothing more from you.',
        ]
      : [
          `The details of “${p.title}” have changed.`,
          `When: ${p.when}`,
          ...(p.place ? [`Where: ${p.place}`] : []),
          'If you have a place, the updated calendar invitation is attached. If you can no longer come, please cancel so that someone else can have the place.',
        ],
    action: { label: 'See your registration', link: p.link },
  }),
  'event-message': (p) => ({
    subject: `${p.subject} (${p.title})`,
    paragraphs: [`A message from the organisers of “${p.title}”:`, p.message],
    action: { label: 'See your registration', link: p.link },
  }),
  post: (p) => ({
    subject: `${p.isReply ? 'Re: ' : ''}${p.threadTitle}${p.line.groupName ? ` [${p.line.groupName}]` : ''}`,
    paragraphs: [`${enWords.line(p.line)}:`],
    quote: { html: p.html, text: p.text },
    action: { label: 'Open the discussion', link: p.line.link },
    ...(p.replyable
      ? { note: 'Reply to this email to answer in the discussion (attachments join the group’s documents).' }
      : {}),
  }),
  'reply-refused': (p) => ({
    subject: `Not posted: ${p.subject}`,
    paragraphs: [
      {
        'unknown-address':
          'Your email was not posted: the address it was sent to does not take replies (it may have expired, or your password was changed since). Reply to a newer notification, or write in Convene.',
        'wrong-sender':
          'Your email was not posted: replies are taken only from the address the notification was sent to.',
        'not-member': 'Your email was not posted: you are no longer a member of the group of this discussion.',
        locked: 'Your email was not posted: the discussion is locked, so nobody can reply to it.',
        'too-big': 'Your email was not posted: it is too big.',
        'file-refused': 'Your email was not posted: one of its attachments can’t be shared in Convene.',
        empty: 'Your email was not posted: there was nothing in it to post (quoted text and signatures are left out).',
        'too-many':
          'Your email was not posted: too many replies came by email in a short time. Try again later, or write in Convene.',
      }[p.reason],
      ...(p.detail ? [p.detail] : []),
      'Nothing of it was kept.',
    ],
  }),
};

const ar: Catalogue = {
  'data-export-ready': (p) => ({
    subject: 'نسخة بياناتك من Convene جاهزة',
    paragraphs: [
      'النسخة التي طلبتها من بياناتك جاهزة: ملفك الشخصي وعضوياتك ومشاركاتك والمستندات التي رفعتها وردودك على الاجتماعات وإشعاراتك، في ملف zip واحد.',
      `نزّلها من إعدادات الأمان بعد تسجيل الدخول. تُحذف في ${p.expiresOn}.`,
    ],
    action: { label: 'فتح إعدادات الأمان', link: p.link },
  }),
  'password-reset': (p) => ({
    subject: 'إعادة تعيين كلمة مرور Convene',
    paragraphs: [
      `طلب أحدهم إعادة تعيين كلمة مرور حسابك في Convene. إن كنت أنت، فاستخدم الرابط أدناه خلال ${p.minutes} دقيقة. يعمل الرابط مرة واحدة.`,
      'إن كان تسجيل الدخول بخطوتين مفعّلًا، فستحتاج أيضًا إلى رمز من تطبيق المصادقة أو رمز استرداد.',
      'إن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    ],
    action: { label: 'اختيار كلمة مرور جديدة', link: p.link },
  }),
  'network-invitation': (p) => ({
    subject: `دعاك ${p.inviterName} إلى Convene`,
    paragraphs: [
      `دعاك ${p.inviterName} للانضمام إلى Convene، مساحة العمل لشبكة حقوق المهاجرين.`,
      `يمكن استخدام الدعوة مرة واحدة وتنتهي صلاحيتها في ${p.expiresOn}.`,
    ],
    action: { label: 'قبول الدعوة', link: p.link },
  }),
  'group-invitation': (p) => ({
    subject: `أنت مدعو إلى ${p.groupName}`,
    paragraphs: [`دعاك ${p.inviterName} إلى مجموعة العمل «${p.groupName}».`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'join-request': (p) => ({
    subject: `${p.requesterName} يطلب الانضمام إلى ${p.groupName}`,
    paragraphs: [
      `طلب ${p.requesterName} الانضمام إلى «${p.groupName}».`,
      ...(p.message ? [`ملاحظته: «${p.message}»`] : []),
    ],
    action: { label: 'مراجعة الطلب', link: p.link },
  }),
  'membership-approved': (p) => ({
    subject: `مرحباً بك في ${p.groupName}`,
    paragraphs: [`تمت الموافقة على طلبك للانضمام إلى «${p.groupName}».`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'membership-declined': (p) => ({
    subject: `طلبك للانضمام إلى ${p.groupName}`,
    paragraphs: [
      `لم تتم الموافقة على طلبك للانضمام إلى «${p.groupName}» هذه المرة. يمكنك التواصل مع منسقي المجموعة لمزيد من المعلومات.`,
    ],
  }),
  'group-invited': (p) => ({
    subject: `أنت مدعو إلى ${p.groupName}`,
    paragraphs: [`دعاك ${p.inviterName} إلى مجموعة العمل «${p.groupName}». افتح المجموعة لقبول الدعوة أو رفضها.`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'role-changed': (p) => ({
    subject: `أصبحت ${arWords.roles[p.role]} في ${p.groupName}`,
    paragraphs: [`أصبح دورك في «${p.groupName}» ${arWords.roles[p.role]}.`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'content-free': (p) => ({
    subject: p.line.groupName ? `جديد في ${p.line.groupName}` : 'جديد في Convene',
    paragraphs: [`${arWords.line(p.line)}.`, 'سجّل الدخول إلى Convene للاطلاع عليه.'],
    action: { label: 'فتح Convene', link: p.line.link },
  }),
  digest: (p) => ({
    subject: `${p.frequency === 'WEEKLY' ? 'ملخصك الأسبوعي' : 'ملخصك اليومي'} من Convene: ${p.lines.length} جديد`,
    paragraphs: ['إليك ما حدث منذ ملخصك الأخير ولم تقرأه بعد.'],
    list: p.lines.map((l) => ({ text: arWords.line(l), link: l.link })),
    action: { label: 'فتح إشعاراتك', link: p.link },
  }),
  meeting: (p) => ({
    subject: `${arWords.line(p.line)}: ${p.title}`,
    paragraphs: [
      `${arWords.line(p.line)}.`,
      `«${p.title}»، ${p.when}.`,
      ...(p.place ? [`المكان: ${p.place}`] : []),
      ...(p.reason ? [`السبب: ${p.reason}`] : []),
      'دعوة التقويم مرفقة.',
    ],
    action: { label: 'فتح الاجتماع', link: p.line.link },
  }),
  'event-registration': (p) => ({
    subject:
      p.status === 'CONFIRMED'
        ? `تم تسجيلك: ${p.title}`
        : p.status === 'PENDING'
          ? `استلمنا تسجيلك: ${p.title}`
          : `أنت على قائمة الانتظار: ${p.title}`,
    paragraphs: [
      p.status === 'CONFIRMED'
        ? `شكراً لتسجيلك في «${p.title}». تم تأكيد مكانك.`
        : p.status === 'PENDING'
          ? `شكراً لتسجيلك في «${p.title}». سيؤكد المنظمون مكانك قريباً.`
          : `«${p.title}» مكتمل، لذا أنت على قائمة الانتظار. إذا توفر مكان فسيُعرض عليك تلقائياً وسنراسلك.`,
      `الموعد: ${p.when}`,
      ...(p.place ? [`المكان: ${p.place}`] : []),
      ...(p.onlineUrl ? [`الانضمام عبر الإنترنت: ${p.onlineUrl}`] : []),
      ...(p.status === 'CONFIRMED' ? ['دعوة التقويم مرفقة.'] : []),
      'احتفظ بهذه الرسالة: يتيح لك الرابط أدناه الاطلاع على تسجيلك أو إلغاءه. لا حاجة إلى حساب.',
    ],
    action: { label: 'الاطلاع على تسجيلك أو إلغاؤه', link: p.link },
  }),
  'event-already-registered': (p) => ({
    subject: `تسجيلك في ${p.title}`,
    paragraphs: [
      `حاول أحدهم (ربما أنت) تسجيل عنوان البريد هذا مرة أخرى في «${p.title}». أنت مسجل بالفعل.`,
      'استخدم الرابط أدناه للاطلاع على تسجيلك أو إلغائه؛ الروابط السابقة لم تعد تعمل.',
    ],
    action: { label: 'الاطلاع على تسجيلك', link: p.link },
  }),
  'event-place-confirmed': (p) => ({
    subject: `تم تأكيد مكانك: ${p.title}`,
    paragraphs: [
      p.fromWaitlist ? `خبر سار: توفر مكان في «${p.title}» وهو لك.` : `أكد المنظمون مكانك في «${p.title}».`,
      `الموعد: ${p.when}`,
      ...(p.place ? [`المكان: ${p.place}`] : []),
      ...(p.onlineUrl ? [`الانضمام عبر الإنترنت: ${p.onlineUrl}`] : []),
      'دعوة التقويم مرفقة. إذا لم تعد قادراً على الحضور، يرجى الإلغاء ليحصل غيرك على المكان.',
    ],
    action: { label: 'الاطلاع على تسجيلك أو إلغاؤه', link: p.link },
  }),
  'event-session-place': (p) => ({
    subject: `لديك مكان في «${p.session}»: ${p.title}`,
    paragraphs: [
      `خبر سار: توفر مكان في جلسة «${p.session}» ضمن «${p.title}» وهو لك.`,
      `الموعد: ${p.when}`,
      'إذا لم تعد قادراً على المشاركة، غيّر جلساتك ليحصل غيرك على المكان.',
    ],
    action: { label: 'الاطلاع على برنامجك', link: p.link },
  }),
  'event-registration-declined': (p) => ({
    subject: `تسجيلك في ${p.title}`,
    paragraphs: [`لم يتمكن منظمو «${p.title}» من تأكيد تسجيلك هذه المرة. ستُحذف بياناتك بعد الفعالية.`],
  }),
  'event-registration-cancelled': (p) => ({
    subject: `أُلغي التسجيل: ${p.title}`,
    paragraphs: [`تم إلغاء تسجيلك في «${p.title}». شكراً لإبلاغ المنظمين.`],
  }),
  'pitch-received': (p) => ({
    subject: `استلمنا مقترحك: ${p.title}`,
    paragraphs: [
      `شكراً لتقديم «${p.title}» إلى الشبكة. سيقرأه منسقو مجموعات العمل المعنية ويردّون عليك.`,
      'احتفظ بهذه الرسالة: يعرض الرابط أدناه حالة مقترحك ورسائل المنسقين، ويتيح لك الرد أو سحب المقترح. لا حاجة إلى حساب.',
    ],
    action: { label: 'الاطلاع على مقترحك', link: p.link },
  }),
  'pitch-status': (p) => ({
    subject:
      p.status === 'ACCEPTED'
        ? `قُبل مقترحك: ${p.title}`
        : p.status === 'DECLINED'
          ? `بخصوص مقترحك: ${p.title}`
          : p.status === 'WITHDRAWN'
            ? `سُحب المقترح: ${p.title}`
            : `مقترحك قيد المراجعة: ${p.title}`,
    paragraphs:
      p.status === 'ACCEPTED'
        ? [`خبر سار: قُبل «${p.title}»${p.groupName ? ` في مجموعة العمل «${p.groupName}»` : ''} وستمضي به قدماً.`]
        : p.status === 'DECLINED'
          ? [`لم يتمكن المنسقون من المضي بـ«${p.title}» هذه المرة.`, ...(p.reason ? [`السبب: ${p.reason}`] : [])]
          : p.status === 'WITHDRAWN'
            ? [`سحبت «${p.title}». شكراً لإبلاغنا.`]
            : [`يراجع المنسقون الآن «${p.title}». قد يراسلونك بأسئلة.`],
    action: { label: 'الاطلاع على مقترحك', link: p.link },
  }),
  'pitch-message': (p) => ({
    subject: `رسالة حول مقترحك: ${p.title}`,
    paragraphs: [`كتب المنسقون حول «${p.title}»:`, p.message, 'يمكنك الرد عبر الرابط أدناه.'],
    action: { label: 'القراءة والرد', link: p.link },
  }),
  'event-changed': (p) => ({
    subject: p.cancelled ? `أُلغيت: ${p.title}` : `تغيّرت: ${p.title}`,
    paragraphs: p.cancelled
      ? [
          `ألغى المنظمون «${p.title}».`,
          ...(p.reason ? [`السبب: ${p.reason}`] : []),
          'لا يحتاج تسجيلك إلى أي شيء آخر منك.',
        ]
      : [
          `تغيّرت تفاصيل «${p.title}».`,
          `الموعد: ${p.when}`,
          ...(p.place ? [`المكان: ${p.place}`] : []),
          'إذا كان لك مكان، فدعوة التقويم المحدّثة مرفقة. إذا لم تعد قادراً على الحضور، يرجى الإلغاء ليحصل غيرك على المكان.',
        ],
    action: { label: 'الاطلاع على تسجيلك', link: p.link },
  }),
  'event-message': (p) => ({
    subject: `${p.subject} (${p.title})`,
    paragraphs: [`رسالة من منظمي «${p.title}»:`, p.message],
    action: { label: 'الاطلاع على تسجيلك', link: p.link },
  }),
  post: (p) => ({
    subject: `${p.isReply ? 'رد: ' : ''}${p.threadTitle}${p.line.groupName ? ` [${p.line.groupName}]` : ''}`,
    paragraphs: [`${arWords.line(p.line)}:`],
    quote: { html: p.html, text: p.text },
    action: { label: 'افتح النقاش', link: p.line.link },
    ...(p.replyable ? { note: 'ردّ على هذه الرسالة لتكتب ردّك في النقاش (تنضم المرفقات إلى مستندات المجموعة).' } : {}),
  }),
  'reply-refused': (p) => ({
    subject: `لم يُنشر: ${p.subject}`,
    paragraphs: [
      {
        'unknown-address':
          'لم تُنشر رسالتك: العنوان الذي أُرسلت إليه لا يقبل الردود (ربما انتهت صلاحيته، أو غُيّرت كلمة المرور منذ ذلك الحين). ردّ على إشعار أحدث، أو اكتب في Convene.',
        'wrong-sender': 'لم تُنشر رسالتك: تُقبل الردود فقط من العنوان الذي أُرسل إليه الإشعار.',
        'not-member': 'لم تُنشر رسالتك: لم تعد عضواً في مجموعة هذا النقاش.',
        locked: 'لم تُنشر رسالتك: النقاش مقفل، فلا يمكن لأحد الرد عليه.',
        'too-big': 'لم تُنشر رسالتك: حجمها كبير جداً.',
        'file-refused': 'لم تُنشر رسالتك: أحد مرفقاتها لا يمكن مشاركته في Convene.',
        empty: 'لم تُنشر رسالتك: لم يكن فيها ما يُنشر (يُستبعد النص المقتبس والتواقيع).',
        'too-many': 'لم تُنشر رسالتك: وصلت ردود كثيرة بالبريد في وقت قصير. حاول لاحقاً، أو اكتب في Convene.',
      }[p.reason],
      ...(p.detail ? [p.detail] : []),
      'لم يُحفظ منها شيء.',
    ],
  }),
};

const catalogues: Record<Locale, Catalogue> = { en, ar };
const words: Record<Locale, Words> = { en: enWords, ar: arWords };

// `&` goes first, so the ampersands of the other entities are not escaped again.
export const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const asLocale = (locale: string): Locale => (locale in catalogues ? locale : 'en') as Locale;

/** One notification said in one line in the reader's words, as the digest lists it (push messages say it too). */
export function notificationLineText(locale: string, line: NotificationLine): string {
  return words[asLocale(locale)].line(line);
}

/** A notification category's name in the reader's words, for the footer. */
export function categoryLabel(locale: string, category: string): string {
  return words[asLocale(locale)].categories[category] ?? category.toLowerCase();
}

export function renderMail<K extends MailKind>(
  kind: K,
  locale: string,
  params: MailTemplates[K],
  footer?: Omit<MailFooter, 'category'> & { category: string },
): { subject: string; text: string; html: string } {
  const lang = asLocale(locale);
  const rendered = (catalogues[lang][kind] as (p: MailTemplates[K]) => Rendered)(params);
  const foot = footer ? words[lang].footer({ ...footer, category: categoryLabel(lang, footer.category) }) : null;
  const text = [
    ...rendered.paragraphs,
    ...(rendered.quote ? [rendered.quote.text] : []),
    ...(rendered.list ? [rendered.list.map((item) => `- ${item.text}\n  ${item.link}`).join('\n')] : []),
    ...(rendered.action ? [`${rendered.action.label}: ${rendered.action.link}`] : []),
    ...(rendered.note ? [rendered.note] : []),
    '— Convene',
    ...(foot && footer
      ? [`${foot.why}\n${foot.stop}: ${footer.unsubscribeUrl}\n${foot.settings}: ${footer.settingsUrl}`]
      : []),
  ].join('\n\n');
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const html = [
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(rendered.subject)}</title></head>`,
    `<body><div dir="${dir}" style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1b1e;max-width:600px">`,
    ...rendered.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    // Rendered by the discussions' Markdown (no raw HTML gets through it), so set in as it is.
    rendered.quote
      ? `<blockquote dir="auto" style="margin:0 0 16px;padding:4px 12px;border-inline-start:3px solid #ced4da;color:#1a1b1e">${rendered.quote.html}</blockquote>`
      : '',
    rendered.list
      ? `<ul>${rendered.list.map((item) => `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a></li>`).join('')}</ul>`
      : '',
    rendered.action
      ? `<p><a href="${escapeHtml(rendered.action.link)}" style="display:inline-block;padding:8px 16px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(rendered.action.label)}</a></p>`
      : '',
    rendered.note ? `<p style="color:#555;font-size:14px">${escapeHtml(rendered.note)}</p>` : '',
    '<p style="color:#555">— Convene</p>',
    foot && footer
      ? `<p style="color:#666;font-size:13px;border-top:1px solid #ddd;padding-top:8px">${escapeHtml(foot.why)}<br><a href="${escapeHtml(footer.unsubscribeUrl)}">${escapeHtml(foot.stop)}</a> · <a href="${escapeHtml(footer.settingsUrl)}">${escapeHtml(foot.settings)}</a></p>`
      : '',
    '</div></body></html>',
  ].join('');
  return { subject: rendered.subject, text, html };
}
