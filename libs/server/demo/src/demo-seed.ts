// Demo data for a first run on an empty database: the network's working groups, partner
// organisations and a handful of invented people (example.org addresses). Never in production.
import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  JoinPolicy,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NetworkRole,
  OrganisationType,
  PartnerOrganisationKind,
  PitchFieldKind,
  PitchMessageAuthor,
  PitchStatus,
  PollAnswer,
  ProgrammeSessionKind,
  Reaction,
  RecurrenceFrequency,
  RegistrationFieldKind,
  RegistrationStatus,
  RsvpResponse,
  SessionPlaceStatus,
  SignUpMode,
} from '@convene/shared-contracts';
import type { AppConfig } from '@convene/server-core';
import {
  hasAccounts,
  hashPassword,
  newNetworkSettings,
  newPartnerOrganisation,
  newUser,
  type PartnerOrganisation,
  type User,
} from '@convene/server-identity';
import { newMembership, newWorkingGroup, type WorkingGroup } from '@convene/server-groups';
import {
  newPost,
  newPostReaction,
  newThread,
  newThreadRead,
  type MentionTarget,
  type Post,
} from '@convene/server-discussions';
import { markdownWords, newDocument, newDocumentFolder, type DocumentFolder } from '@convene/server-documents';
import { createFileStorage, newStorageKey } from '@convene/server-storage';
import {
  expandRecurrence,
  fromZoned,
  newEventForm,
  newEventRegistration,
  newMeeting,
  newMeetingPoll,
  newMeetingPollSlot,
  newMeetingPollVote,
  newMeetingRsvp,
  newMeetingSeries,
  newProgrammeSession,
  newSessionPlace,
  toZoned,
  type NewMeeting,
} from '@convene/server-meetings';
import { newPitch, newPitchForm, newPitchMessage, newPitchNote } from '@convene/server-submissions';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.org', displayName: 'Amara Okafor', role: 'network admin' },
  {
    email: 'convenor@example.org',
    displayName: 'Yusuf Haddad',
    role: 'convenor of Policing and surveillance, Brexit and faith',
  },
  {
    email: 'member@example.org',
    displayName: 'Lucía Moreno',
    role: 'member of Policing and surveillance, Health and Social Care',
  },
  {
    email: 'partner@example.org',
    displayName: 'Grace Mensah',
    role: 'partner organisation (Eastside Migrant Hub), member of Brexit and faith',
  },
] as const;

const GROUPS = [
  {
    slug: 'policing-and-surveillance',
    name: 'Policing and surveillance',
    purpose:
      'Specialist work on territorial (everyday) policing, immigration enforcement and electronic surveillance: documenting what members see, sharing know-your-rights material, and coordinating responses to data-sharing between public services and the Home Office.',
    joinPolicy: JoinPolicy.REQUEST,
    memberListVisibility: MemberListVisibility.CONVENORS,
    // Surveillance work: notifications and emails about it never carry names or words.
    contentFreeNotifications: true,
  },
  {
    slug: 'health-and-social-care',
    name: 'Health and Social Care',
    purpose:
      'Continued work on access to health and social care for migrants: NHS charging, data-sharing, and the evidence community organisations collect to change local practice.',
    joinPolicy: JoinPolicy.OPEN,
    memberListVisibility: MemberListVisibility.MEMBERS,
  },
  {
    slug: 'brexit-and-faith',
    name: 'Brexit and faith',
    purpose:
      'Specialist work around Brexit and faith agencies: how settled status, residence rights and the end of free movement reach congregations and the communities faith groups serve.',
    joinPolicy: JoinPolicy.REQUEST,
    memberListVisibility: MemberListVisibility.MEMBERS,
  },
] as const;

const ORGANISATIONS = [
  {
    name: 'Eastside Migrant Hub',
    website: 'https://eastside-hub.example.org',
    kind: PartnerOrganisationKind.NGO,
    area: 'East London',
    descriptions: {
      en: 'Advice drop-ins, English classes and a hardship fund for migrants in East London.',
      ar: 'جلسات استشارة مفتوحة ودروس في اللغة الإنجليزية وصندوق للمساعدة في الضائقة للمهاجرين في شرق لندن.',
    },
  },
  {
    name: 'Northern Refugee Action',
    website: 'https://northern-refugee-action.example.org',
    kind: PartnerOrganisationKind.COMMUNITY_ORGANISATION,
    area: 'Greater Manchester and Lancashire',
    descriptions: {
      en: 'A refugee-led community organisation: peer support, casework and campaigns on asylum housing.',
      ar: 'منظمة مجتمعية يقودها لاجئون: دعم من الأقران ومتابعة للحالات وحملات حول سكن طالبي اللجوء.',
    },
  },
  {
    name: 'Faith Communities Forum',
    website: 'https://faith-forum.example.org',
    kind: PartnerOrganisationKind.FAITH_GROUP,
    area: 'West Midlands',
    descriptions: {
      en: 'Churches, mosques, gurdwaras and synagogues that welcome and accompany people seeking sanctuary.',
      ar: 'كنائس ومساجد ومعابد سيخية وكُنُس تستقبل الباحثين عن الأمان وترافقهم.',
    },
  },
];

const EXTRA_PEOPLE = [
  { email: 'samira@example.org', displayName: 'Samira Benali', org: 'Northern Refugee Action', waitingFor: null },
  // Says he works at Eastside Migrant Hub: a network admin has yet to confirm it.
  { email: 'tomasz@example.org', displayName: 'Tomasz Nowak', org: null, waitingFor: 'Eastside Migrant Hub' },
  { email: 'chidi@example.org', displayName: 'Chidi Eze', org: 'Faith Communities Forum', waitingFor: null },
  { email: 'priya@example.org', displayName: 'Priya Raman', org: null, waitingFor: null },
];

// [group slug, email, role]
const MEMBERSHIPS: [string, string, MembershipRole][] = [
  ['policing-and-surveillance', 'convenor@example.org', MembershipRole.CONVENOR],
  ['policing-and-surveillance', 'member@example.org', MembershipRole.MEMBER],
  ['policing-and-surveillance', 'samira@example.org', MembershipRole.MEMBER],
  ['policing-and-surveillance', 'tomasz@example.org', MembershipRole.OBSERVER],
  ['health-and-social-care', 'admin@example.org', MembershipRole.CONVENOR],
  ['health-and-social-care', 'priya@example.org', MembershipRole.CONVENOR],
  ['health-and-social-care', 'member@example.org', MembershipRole.MEMBER],
  ['health-and-social-care', 'samira@example.org', MembershipRole.MEMBER],
  ['brexit-and-faith', 'convenor@example.org', MembershipRole.CONVENOR],
  ['brexit-and-faith', 'chidi@example.org', MembershipRole.CONVENOR],
  ['brexit-and-faith', 'partner@example.org', MembershipRole.MEMBER],
];

/**
 * A row this seed made itself, by its key in the tables above. Missing means the tables disagree
 * with each other, a mistake in this file: stop and name it rather than write rows that point nowhere.
 */
function seeded<K, T>(rows: ReadonlyMap<K, T>, key: K, what: string): T {
  const row = rows.get(key);
  if (row === undefined) throw new Error(`demo seed: no ${what} '${String(key)}'`);
  return row;
}

/** The same for a list this seed made, by position. */
function seededAt<T>(rows: readonly T[], index: number, what: string): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`demo seed: no ${what} at position ${index}`);
  return row;
}

interface DemoPost {
  by: string;
  body: string;
  /** Index of the post answered in this thread's list; the opening post when left out. */
  to?: number;
  reactions?: [string, Reaction][];
}

// [group slug, title, tags, pinned, hours ago the thread started, posts (the first opens it)]
const THREADS: [string, string, string[], boolean, number, [DemoPost, ...DemoPost[]]][] = [
  [
    'health-and-social-care',
    'Start here: how this group works',
    ['welcome'],
    true,
    240,
    [
      {
        by: 'admin@example.org',
        body: 'Welcome to the group. We share what we see about **access to health and social care**, agree what to push for, and keep our evidence in one place.\n\n- Post one topic per discussion\n- Mention people with @ when you need them\n- No names or details of the people we support',
        reactions: [
          ['member@example.org', Reaction.THUMBS_UP],
          ['samira@example.org', Reaction.HEART],
        ],
      },
    ],
  ],
  [
    'health-and-social-care',
    'NHS charging letters sent before treatment',
    ['nhs-charging', 'evidence'],
    false,
    30,
    [
      {
        by: 'member@example.org',
        body: 'Two people we support got **upfront charging letters** from the local trust before a maternity appointment this month. Has anyone else seen this since the new guidance?',
      },
      {
        by: 'samira@example.org',
        body: 'Yes, three cases in Leeds. We wrote them up anonymously; I can share the template.',
        reactions: [['member@example.org', Reaction.THANKS]],
      },
      {
        by: 'member@example.org',
        to: 1,
        body: 'That would help a lot, thank you. @[Priya Raman] could we put the template in the group documents?',
      },
      { by: 'priya@example.org', to: 2, body: 'Yes. I will add it this week with the guidance notes.' },
      {
        by: 'admin@example.org',
        body: 'Maternity care is always *immediately necessary*: it must never be refused or delayed for payment. See the [guidance](https://www.gov.uk/government/publications/overseas-nhs-visitors-implementing-the-charging-regulations).',
      },
    ],
  ],
  [
    'health-and-social-care',
    'Data-sharing between GP surgeries and the Home Office',
    ['data-sharing'],
    false,
    6,
    [
      {
        by: 'priya@example.org',
        body: 'Collecting what we know about GP registration being refused, or patients being asked for immigration documents. Please add examples (no names).',
      },
      {
        by: 'samira@example.org',
        body: 'A surgery in Bradford asked for a passport to register. GP registration needs **no** proof of address or immigration status.',
      },
    ],
  ],
  [
    'policing-and-surveillance',
    'Know-your-rights cards: second print run',
    ['know-your-rights'],
    false,
    50,
    [
      {
        by: 'convenor@example.org',
        body: 'We have funding for a second run of the cards. Which languages should we add? Arabic, Tigrinya and Polish so far.',
      },
      {
        by: 'samira@example.org',
        body: 'Kurdish Sorani and Pashto, from the requests we had at the drop-in.',
        reactions: [['convenor@example.org', Reaction.THUMBS_UP]],
      },
      {
        by: 'member@example.org',
        to: 1,
        body: 'Agree on Pashto. @group-convenors can we check the wording on stop and search with a solicitor first?',
      },
    ],
  ],
  [
    'brexit-and-faith',
    'Settled status: late applications from congregations',
    ['settled-status'],
    false,
    72,
    [
      {
        by: 'chidi@example.org',
        body: 'Several older members of our congregations never applied to the EU Settlement Scheme. What support is there for **late applications**?',
      },
      {
        by: 'partner@example.org',
        body: 'Eastside Migrant Hub runs a clinic on Thursdays; we can take referrals from faith groups.',
        reactions: [['chidi@example.org', Reaction.HEART]],
      },
    ],
  ],
];

/** Demo discussions, written as members would have written them, with their read positions. */
function seedDiscussions(em: EntityManager, groups: Map<string, WorkingGroup>, users: Map<string, User>): number {
  const people = new Map<string, MentionTarget>(
    [...users.values()].map((u) => [u.displayName.toLowerCase(), { id: u.id, name: u.displayName }]),
  );
  for (const [slug, title, tags, pinned, hoursAgo, posts] of THREADS) {
    const started = new Date(Date.now() - hoursAgo * 3600_000);
    const at = (i: number) => new Date(started.getTime() + i * 47 * 60_000);
    const thread = newThread(em, {
      group: seeded(groups, slug, 'group'),
      author: seeded(users, posts[0].by, 'person'),
      title,
      tags,
      pinned,
      postCount: posts.length,
      createdAt: started,
      lastActivityAt: at(posts.length - 1),
    });
    const written: Post[] = [];
    posts.forEach((p, i) => {
      const parent = i === 0 ? null : seededAt(written, p.to ?? 0, 'post');
      const post = newPost(em, {
        thread,
        parent,
        author: seeded(users, p.by, 'person'),
        body: p.body,
        mentionable: people,
        createdAt: at(i),
      });
      written.push(post);
      for (const [email, reaction] of p.reactions ?? [])
        newPostReaction(em, { post, user: seeded(users, email, 'person'), reaction });
    });
    // Those who wrote have read up to their last post; everyone else has it all to discover.
    const lastBy = new Map(posts.map((p, i) => [p.by, i + 1]));
    for (const [email, readCount] of lastBy)
      newThreadRead(em, {
        user: seeded(users, email, 'person'),
        thread,
        readCount,
        readAt: at(readCount - 1),
      });
  }
  return THREADS.length;
}

/** A few shared documents, stored through the configured storage as uploads would be. */
const DOCUMENTS: [
  slug: string,
  folder: string | null,
  name: string,
  type: string,
  by: string,
  description: string,
  body: string,
][] = [
  [
    'health-and-social-care',
    'Evidence',
    'NHS charging – evidence log.md',
    'text/markdown',
    'member@example.org',
    'Cases of upfront charging letters collected by member organisations, anonymised.',
    '# NHS charging: evidence log\n\nEach case is anonymised: no names, no dates of birth.\n\n| Trust | Letters seen | Before treatment |\n|---|---|---|\n| Royal Infirmary | 3 | yes |\n| Eastside clinic | 2 | yes |\n\n## Next steps\n\n- Ask the trust for its charging policy.\n- Bring the log to the next meeting.\n',
  ],
  [
    'health-and-social-care',
    null,
    'GP registration – what to say at the desk.txt',
    'text/plain',
    'admin@example.org',
    'A short script for volunteers accompanying people to register with a GP.',
    'You do not need proof of address or immigration status to register with a GP.\nIf the practice refuses, ask for the refusal in writing and tell us.\n',
  ],
  [
    'policing-and-surveillance',
    null,
    'Stop and search FOI responses.csv',
    'text/csv',
    'convenor@example.org',
    'Replies to the freedom of information requests sent in the spring.',
    'force,requests,answered,refused\nMetropolitan,4,3,1\nWest Midlands,2,2,0\nGreater Manchester,3,1,2\n',
  ],
];

async function seedDocuments(
  em: EntityManager,
  groups: Map<string, WorkingGroup>,
  users: Map<string, User>,
  config: Pick<AppConfig, 'dataDir' | 'storage'>,
): Promise<number> {
  const storage = createFileStorage(config);
  const folders = new Map<string, DocumentFolder>();
  for (const [slug, folderName, name, contentType, by, description, body] of DOCUMENTS) {
    const bytes = Buffer.from(body, 'utf8');
    const storageKey = newStorageKey();
    await storage.write(storageKey, Readable.from([bytes]), { contentType });
    const group = seeded(groups, slug, 'group');
    const uploader = seeded(users, by, 'person');
    let folder: DocumentFolder | null = null;
    if (folderName) {
      folder =
        folders.get(`${slug}/${folderName}`) ?? newDocumentFolder(em, { group, name: folderName, createdBy: uploader });
      folders.set(`${slug}/${folderName}`, folder);
    }
    newDocument(em, {
      group,
      folder,
      fileName: name,
      description,
      contentType,
      storageKey,
      bytes,
      createdBy: uploader,
      extractedText: (contentType === 'text/markdown' ? markdownWords(body) : body).replace(/\s+/g, ' ').trim(),
    });
  }
  return DOCUMENTS.length;
}

const ZONE = 'Europe/London';

/** A wall-clock time in London some days from now. */
function londonIn(days: number, hour: number, minute = 0): Date {
  const day = toZoned(new Date(Date.now() + days * 86_400_000), ZONE);
  return fromZoned({ year: day.year, month: day.month, day: day.day, hour, minute }, ZONE);
}

/**
 * Meetings of the coming weeks: a monthly series, a one-off with an agenda, last week's meeting with
 * its minutes, a joint meeting of two groups, a poll to find a time, and the national summit: a
 * network event with public registration.
 */
function seedMeetings(em: EntityManager, groups: Map<string, WorkingGroup>, users: Map<string, User>): number {
  const by = (email: string) => seeded(users, email, 'person');
  const policing = seeded(groups, 'policing-and-surveillance', 'group');
  const health = seeded(groups, 'health-and-social-care', 'group');
  const meeting = (
    group: WorkingGroup | null,
    creator: string,
    fields: Omit<NewMeeting, 'group' | 'createdBy' | 'timeZone'>,
  ) => newMeeting(em, { group, createdBy: by(creator), timeZone: ZONE, ...fields });

  // Policing and surveillance: monthly on the same weekday (a Tuesday), evenings, hybrid.
  const untilTuesday = (2 - toZoned(new Date(), ZONE).weekday + 7) % 7 || 7;
  const firstStart = londonIn(untilTuesday + 7, 18, 30);
  const series = newMeetingSeries(em, {
    group: policing,
    frequency: RecurrenceFrequency.MONTHLY_BY_WEEKDAY,
    interval: 1,
    count: 6,
    timeZone: ZONE,
  });
  const occurrences = expandRecurrence(
    { startsAt: firstStart, endsAt: new Date(firstStart.getTime() + 90 * 60_000) },
    ZONE,
    { frequency: RecurrenceFrequency.MONTHLY_BY_WEEKDAY, interval: 1, count: 6 },
    6,
  );
  const monthly = occurrences.map((o) =>
    meeting(policing, 'convenor@example.org', {
      series,
      title: 'Policing and surveillance: monthly meeting',
      description:
        'Round-up of what members have seen since last month, then one topic in depth. Everyone is welcome to bring an item.',
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      location: 'Human Rights Action Centre, 17–25 New Inn Yard, London EC2A 3EA (room 2)',
      accessibilityNotes:
        'Step-free access through the side entrance; hearing loop in room 2. Ask for BSL or Arabic interpretation when you answer.',
      onlineUrl: 'https://meet.example.org/policing-monthly',
      agendaText:
        '1. Round-up: stop and search, data-sharing requests\n2. In depth: police access to the school census\n3. Any other business',
    }),
  );
  const nextMonthly = seededAt(monthly, 0, 'monthly meeting');
  newMeetingRsvp(em, {
    meeting: nextMonthly,
    user: by('member@example.org'),
    response: RsvpResponse.GOING,
    note: 'I will need Spanish interpretation for the in-depth part.',
  });
  newMeetingRsvp(em, {
    meeting: nextMonthly,
    user: by('samira@example.org'),
    response: RsvpResponse.MAYBE,
  });

  // Health and Social Care: a one-off online review, and last week's meeting with its minutes.
  meeting(health, 'priya@example.org', {
    title: 'Evidence review: GP registration refusals',
    description:
      'Going through the examples collected in the discussion, to decide which to take to the clinical commissioning group.',
    startsAt: londonIn(9, 14),
    endsAt: londonIn(9, 15, 30),
    onlineUrl: 'https://meet.example.org/health-evidence',
    agendaText:
      '1. Examples collected so far\n2. Which ones we can use, with consent\n3. Letter to the commissioning group',
  });
  meeting(health, 'priya@example.org', {
    title: 'NHS charging: planning call',
    startsAt: londonIn(-6, 17),
    endsAt: londonIn(-6, 18),
    onlineUrl: 'https://meet.example.org/health-planning',
    minutesText:
      'Present: Priya, Amara, Lucía, Samira.\n\n- Agreed to collect examples of charging letters (no names).\n- Priya drafts the template for the group documents.\n- Next: evidence review in two weeks.',
  });

  // Policing and surveillance with Health and Social Care: a joint meeting both groups' members see.
  meeting(policing, 'admin@example.org', {
    coHostIds: [health.id],
    title: 'Joint meeting: police in hospitals and GP surgeries',
    description:
      'What members of both groups have seen of police and immigration checks where people seek care, and a shared briefing for health workers.',
    startsAt: londonIn(16, 18),
    endsAt: londonIn(16, 19, 30),
    location: 'Human Rights Action Centre, 17–25 New Inn Yard, London EC2A 3EA (room 1)',
    onlineUrl: 'https://meet.example.org/joint-policing-health',
    agendaText:
      '1. What each group has seen\n2. A briefing for health workers: who drafts what\n3. Next steps together',
  });

  // Health and Social Care: finding a time for a workshop.
  const poll = newMeetingPoll(em, {
    group: health,
    title: 'Workshop: know your rights at the GP',
    description: 'A two-hour workshop with community advisers. Which of these times could you make?',
    timeZone: ZONE,
    location: 'Eastside Migrant Hub, 4 Market Row, London E1',
    createdBy: by('priya@example.org'),
  });
  const slots = [12, 13, 15].map((d) =>
    newMeetingPollSlot(em, { poll, startsAt: londonIn(d, 10), endsAt: londonIn(d, 12) }),
  );
  const votes: [string, PollAnswer[]][] = [
    ['samira@example.org', [PollAnswer.YES, PollAnswer.NO, PollAnswer.IF_NEED_BE]],
    ['admin@example.org', [PollAnswer.YES, PollAnswer.YES, PollAnswer.NO]],
  ];
  for (const [email, answers] of votes)
    answers.forEach((answer, i) =>
      newMeetingPollVote(em, { slot: seededAt(slots, i, 'poll slot'), user: by(email), poll, answer }),
    );

  // The national summit: the network's own event, open to anyone to register for.
  const summit = meeting(null, 'admin@example.org', {
    title: 'Migrants’ Rights Summit: planning action on the burning issues',
    description:
      'Our annual national meeting for migrant community organisations, activists, NGOs and everyone with an interest in migrants’ rights. We will review the year’s developments and challenges and, above all, plan collective action through advocacy and campaigning.\n\nMorning: plenary. Afternoon: workshops run by the working groups.',
    startsAt: londonIn(40, 10),
    endsAt: londonIn(40, 16, 30),
    location: 'Human Rights Action Centre, 17–25 New Inn Yard, London EC2A 3EA',
    accessibilityNotes:
      'Step-free venue, quiet room, halal and vegetarian lunch. Tell us your access needs in the form.',
    onlineUrl: 'https://meet.example.org/summit-plenary',
    reminderMinutes: [24 * 60],
  });
  newEventForm(em, {
    meeting: summit,
    slug: 'summit',
    capacity: 120,
    deadline: londonIn(35, 23, 59),
    retentionDays: 30,
    // How long details are kept is said by the form itself, from its retention setting.
    consentText: 'We keep your name, email, organisation and answers to run the summit, and share them with no one.',
    fields: [
      {
        id: 'access',
        label: 'Access or interpretation needs',
        kind: RegistrationFieldKind.TEXT,
        required: false,
        options: [],
        translations: [{ locale: 'ar', label: 'احتياجات الوصول أو الترجمة', options: [] }],
      },
      {
        id: 'photos',
        label: 'I am happy to appear in photos of the day',
        kind: RegistrationFieldKind.CHECKBOX,
        required: false,
        options: [],
        translations: [{ locale: 'ar', label: 'لا مانع لديّ من الظهور في صور اليوم', options: [] }],
      },
    ],
    language: 'en',
    translations: [
      {
        locale: 'ar',
        title: 'قمة حقوق المهاجرين: التخطيط للعمل على القضايا الملحّة',
        intro:
          'اجتماعنا الوطني السنوي لمنظمات المهاجرين المجتمعية والناشطين والمنظمات غير الحكومية وكل من يهتم بحقوق المهاجرين. سنراجع تطورات العام وتحدياته، وقبل كل شيء سنخطط لعمل جماعي من خلال المناصرة والحملات.\n\nالصباح: جلسة عامة. بعد الظهر: ورش عمل تديرها مجموعات العمل.',
        consentText: 'نحتفظ باسمك وبريدك الإلكتروني ومنظمتك وإجاباتك لتنظيم القمة، ولا نشاركها مع أحد.',
      },
    ],
  });
  // Its programme: plenaries in the morning and at the close, workshops with small rooms between.
  const session = (
    position: number,
    title: string,
    kind: ProgrammeSessionKind,
    [startHour, startMinute]: [number, number],
    [endHour, endMinute]: [number, number],
    room: string,
    capacity: number | null = null,
    description = '',
  ) =>
    newProgrammeSession(em, {
      meeting: summit,
      position,
      title,
      kind,
      startsAt: londonIn(40, startHour, startMinute),
      endsAt: londonIn(40, endHour, endMinute),
      room,
      capacity,
      description,
    });
  session(0, 'Opening plenary: the year in review', ProgrammeSessionKind.PLENARY, [10, 0], [11, 30], 'Main hall');
  session(1, 'Lunch', ProgrammeSessionKind.OTHER, [12, 0], [13, 0], 'Café');
  const workshops = {
    policing: session(
      2,
      'Know your rights: policing',
      ProgrammeSessionKind.WORKSHOP,
      [13, 0],
      [14, 30],
      'Room 1',
      3,
      'Stop and search, immigration checks and data sharing: what people can do, with the legal clinic.',
    ),
    health: session(
      3,
      'Access to healthcare',
      ProgrammeSessionKind.WORKSHOP,
      [13, 0],
      [14, 30],
      'Room 2',
      1,
      'Charging, GP registration and interpreters: where the barriers are and how groups get round them.',
    ),
    faith: session(
      4,
      'Faith communities after Brexit',
      ProgrammeSessionKind.WORKSHOP,
      [13, 0],
      [14, 30],
      'Room 3',
      2,
      'How churches, mosques and temples are supporting EU citizens and others with settled status.',
    ),
  };
  session(
    5,
    'Closing plenary: plans for collective action',
    ProgrammeSessionKind.PLENARY,
    [15, 0],
    [16, 30],
    'Main hall',
  );
  const guests: [string, string, string, keyof typeof workshops][] = [
    ['Fatima Rahman', 'fatima.rahman@example.org', 'Northern Refugee Action', 'health'],
    ['Daniel Osei', 'daniel.osei@example.org', 'Faith Communities Forum', 'faith'],
    ['Marta Kowalska', 'marta.k@example.org', '', 'policing'],
  ];
  guests.forEach(([name, email, organisation, workshop], i) => {
    const registration = newEventRegistration(em, {
      meeting: summit,
      name,
      email,
      emailKey: email,
      organisation,
      answers: { photos: i !== 2 },
      status: RegistrationStatus.CONFIRMED,
    });
    newSessionPlace(em, { session: workshops[workshop], registration, status: SessionPlaceStatus.CONFIRMED });
  });
  return monthly.length + 3;
}

/** The public pitch forms, and a few pitches at different stages of triage. */
function seedPitches(em: EntityManager, groups: Map<string, WorkingGroup>, users: Map<string, User>): number {
  const general = newPitchForm(em, {
    slug: 'pitch-an-idea',
    title: 'Pitch us an idea',
    intro:
      'Migrant and refugee community organisations, NGOs, faith agencies and researchers: tell us about an idea you would like the network’s help with. The convenors of the working groups it concerns will read it and reply.',
    consentText:
      'We use your details only to discuss your pitch with you, and share them with no one outside the network.',
    retentionDays: 365,
    fields: [
      {
        id: 'area',
        label: 'Where is your work based?',
        kind: PitchFieldKind.TEXT,
        required: false,
        options: [],
        translations: [{ locale: 'ar', label: 'أين يقع مقرّ عملكم؟', options: [] }],
      },
      {
        id: 'stage',
        label: 'How far along is the idea?',
        kind: PitchFieldKind.CHOICE,
        required: true,
        options: ['Just an idea', 'Planned', 'Already running'],
        translations: [
          { locale: 'ar', label: 'إلى أين وصلت الفكرة؟', options: ['مجرد فكرة', 'مخطط لها', 'قيد التنفيذ'] },
        ],
      },
    ],
    language: 'en',
    translations: [
      {
        locale: 'ar',
        title: 'اقترح علينا فكرة',
        intro:
          'منظمات المهاجرين واللاجئين المجتمعية والمنظمات غير الحكومية والهيئات الدينية والباحثون: أخبرونا عن فكرة تودّون أن تساعدكم الشبكة فيها. سيقرؤها منسّقو مجموعات العمل المعنية ويردّون عليكم.',
        consentText: 'نستخدم بياناتكم فقط لمناقشة مقترحكم معكم، ولا نشاركها مع أحد خارج الشبكة.',
      },
    ],
    createdBy: seeded(users, 'admin@example.org', 'person'),
  });
  newPitchForm(em, {
    slug: 'summit-workshops',
    title: 'Propose a workshop for the summit',
    intro: 'Propose a one-hour workshop for the afternoon of the summit.',
    consentText: 'We use your details to plan the summit programme, and share them with no one outside the network.',
    retentionDays: 365,
    fields: [
      {
        id: 'format',
        label: 'Describe the format (talk, discussion, training…)',
        kind: PitchFieldKind.LONG_TEXT,
        required: true,
        options: [],
      },
    ],
    createdBy: seeded(users, 'admin@example.org', 'person'),
  });
  const health = seeded(groups, 'health-and-social-care', 'group');
  const policing = seeded(groups, 'policing-and-surveillance', 'group');
  const received = newPitch(em, {
    form: general,
    organisationName: 'Northern Refugee Action',
    organisationType: OrganisationType.COMMUNITY_ORGANISATION,
    contactName: 'Samira Benali',
    contactEmail: 'pitches@northern-refugee-action.example.org',
    title: 'Interpreters at GP surgeries',
    summary:
      'Patients who speak little English are turned away from GP registration because no interpreter is booked. We would like to map which surgeries in our area book interpreters and which do not.',
    helpWanted: 'Help with a survey template, and advice on taking the findings to the commissioning group.',
    groupIds: [health.id],
    answers: { area: 'Leeds and Bradford', stage: 'Planned' },
  });
  const reviewing = newPitch(em, {
    form: general,
    organisationName: 'Eastside Migrant Hub',
    organisationType: OrganisationType.NGO,
    contactName: 'Grace Mensah',
    contactEmail: 'grace@eastside-hub.example.org',
    title: 'Know-your-rights cards on police stops',
    summary:
      'A pocket card in six languages on what to do when stopped by the police, printed for our drop-in sessions.',
    helpWanted: 'Legal review of the text and help with translations.',
    groupIds: [policing.id],
    status: PitchStatus.UNDER_REVIEW,
    answers: { stage: 'Just an idea' },
  });
  newPitchMessage(em, {
    pitch: reviewing,
    author: PitchMessageAuthor.CONVENOR,
    convenor: seeded(users, 'convenor@example.org', 'person'),
    body: 'Thank you, this is timely. Which six languages did you have in mind?',
  });
  newPitchMessage(em, {
    pitch: reviewing,
    author: PitchMessageAuthor.PARTNER,
    body: 'Arabic, Farsi, Tigrinya, Polish, Romanian and Spanish: the languages most asked for at our drop-ins.',
  });
  newPitchNote(em, {
    pitch: reviewing,
    author: seeded(users, 'convenor@example.org', 'person'),
    body: 'Ask the legal clinic whether they can review the text before the summit.',
  });
  return [received, reviewing].length;
}

/** Seeds the demo network once: does nothing when any account exists. Returns what it did. */
export async function seedDemoData(
  em: EntityManager,
  config: Pick<AppConfig, 'demoPassword' | 'dataDir' | 'storage'>,
): Promise<string> {
  if (await hasAccounts(em)) return 'demo data not seeded: the database already has accounts';
  const passwordHash = await hashPassword(config.demoPassword);

  const orgs = new Map<string, PartnerOrganisation>();
  for (const org of ORGANISATIONS) orgs.set(org.name, newPartnerOrganisation(em, org));

  const users = new Map<string, User>();
  const addUser = (
    email: string,
    displayName: string,
    org: string | null,
    networkRole = NetworkRole.MEMBER,
    waitingFor: string | null = null,
  ) =>
    users.set(
      email,
      newUser(em, {
        email,
        displayName,
        passwordHash,
        networkRole,
        organisation: org ? seeded(orgs, org, 'organisation') : null,
        pendingOrganisation: waitingFor ? seeded(orgs, waitingFor, 'organisation') : null,
      }),
    );
  for (const account of DEMO_ACCOUNTS) {
    addUser(
      account.email,
      account.displayName,
      account.email === 'partner@example.org' ? 'Eastside Migrant Hub' : null,
      account.email === 'admin@example.org' ? NetworkRole.ADMIN : NetworkRole.MEMBER,
    );
  }
  for (const person of EXTRA_PEOPLE)
    addUser(person.email, person.displayName, person.org, NetworkRole.MEMBER, person.waitingFor);

  const groups = new Map<string, WorkingGroup>();
  for (const group of GROUPS) groups.set(group.slug, newWorkingGroup(em, group));
  for (const [slug, email, role] of MEMBERSHIPS) {
    newMembership(em, {
      group: seeded(groups, slug, 'group'),
      user: seeded(users, email, 'person'),
      role,
      status: MembershipStatus.ACTIVE,
      decidedAt: new Date(),
    });
  }
  const discussions = seedDiscussions(em, groups, users);
  const documents = await seedDocuments(em, groups, users, config);
  const meetings = seedMeetings(em, groups, users);
  const pitches = seedPitches(em, groups, users);
  // The demo network lets anyone sign up, so a visitor can try the join flow without an invitation.
  newNetworkSettings(em, { signUpMode: SignUpMode.OPEN });
  await em.flush();
  return `seeded ${GROUPS.length} working groups, ${ORGANISATIONS.length} partner organisations, ${users.size} people, ${discussions} discussions, ${documents} documents, ${meetings} meetings and ${pitches} pitches`;
}
