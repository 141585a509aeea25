// A generated network of realistic size for the load test: 15 working groups (the demo seed's 3 and
// 12 more), thousands of people, tens of thousands of discussions with hundreds of thousands of posts,
// documents with their bytes on disk, a year of meetings either side of today with open events,
// and each person's notification history. Written straight into PostgreSQL (one transaction, and a
// second beside it for the bulkiest side tables), every row as the application itself would have
// left it (counters, trees, read positions, watchers, sequences, outbox events), so that the running
// API and worker behave as on a real database.
//   import { generateNetwork } from './network.mjs';
//   const manifest = await generateNetwork({ databaseUrl, dataDir, scale: 1, people: 2500, log: console.log });
// The database must be migrated and hold the demo seed (tools/db.mjs migrate, then seed), and the
// server built (node tools/build-server.mjs): the app's own renderer, password hasher, TOTP,
// file-type sniffing, text extraction and time-zone code are used from dist/server, and where this
// file takes a shortcut for speed (post HTML, digest slots) it checks the shortcut against them.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import pg from 'pg';

const root = join(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, 'dist/server', path)).href);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Every generated person signs in with this (it passes the app's password policy). */
const PASSWORD = 'convene-load-network-2026';

// ── the groups ──

/**
 * The 3 demo groups (already in the database) and 12 new ones. `size` is the number of active
 * members at 2,500 people; `weight` how busy the group is (discussions, documents and meetings).
 */
const GROUPS = [
  { slug: 'health-and-social-care', demo: true, size: 700 },
  { slug: 'policing-and-surveillance', demo: true, size: 300 },
  { slug: 'brexit-and-faith', demo: true, size: 220 },
  {
    slug: 'hostile-environment',
    name: 'Hostile environment',
    purpose:
      'The London working group on the hostile environment, convened as part of our seat on the strategic migration partnership: right to rent, right to work, bank account checks and data-sharing between public services, and what local agencies can do differently.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'MEMBERS',
    size: 560,
  },
  {
    slug: 'detention-and-removals',
    name: 'Detention and removals',
    purpose:
      'Visitors, advisers and people with experience of detention sharing what happens in immigration removal centres and on charter flights, and coordinating casework referrals and campaigning to end indefinite detention.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'CONVENORS',
    contentFreeNotifications: true,
    size: 130,
  },
  {
    slug: 'legal-aid-and-advice',
    name: 'Legal aid and advice',
    purpose:
      'Keeping track of where people can still get free immigration advice, the gaps left by cuts to legal aid, and the training that lets community organisations give first-tier advice safely.',
    joinPolicy: 'OPEN',
    memberListVisibility: 'MEMBERS',
    size: 480,
  },
  {
    slug: 'housing-and-destitution',
    name: 'Housing and destitution',
    purpose:
      'People with no recourse to public funds, asylum accommodation, evictions and street homelessness: evidence from night shelters and advice lines, and joint work with housing associations in the regions.',
    joinPolicy: 'OPEN',
    memberListVisibility: 'MEMBERS',
    size: 420,
  },
  {
    slug: 'migrant-womens-leadership',
    name: 'Migrant women’s leadership',
    purpose:
      'The leadership programme for migrant women: peer mentoring, public speaking and campaign skills, and a space for women leading community organisations to plan together.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'MEMBERS',
    size: 200,
  },
  {
    slug: 'students-and-education',
    name: 'Students and education',
    purpose:
      'International and migrant students, ESOL provision, fee status and the monitoring of students by colleges and universities on behalf of the Home Office.',
    joinPolicy: 'OPEN',
    memberListVisibility: 'MEMBERS',
    size: 340,
  },
  {
    slug: 'domestic-workers',
    name: 'Domestic workers’ rights',
    purpose:
      'Overseas domestic workers and carers: the tied visa, exploitation and trafficking referrals, and the self-organised groups of workers who lead this campaign.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'CONVENORS',
    contentFreeNotifications: true,
    size: 80,
  },
  {
    slug: 'regional-partnerships',
    name: 'Regional partnerships',
    purpose:
      'How immigration is understood and handled differently across the regions, from the big cities to rural towns: strategic migration partnerships, councils and the organisations that work with them.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'MEMBERS',
    size: 180,
  },
  {
    slug: 'data-and-digital-rights',
    name: 'Data and digital rights',
    purpose:
      'Digital immigration status, data-sharing agreements, the immigration exemption in data protection law and the tools our members use to keep the people they support safe online.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'MEMBERS',
    size: 150,
  },
  {
    slug: 'children-and-young-people',
    name: 'Children and young people',
    purpose:
      'Unaccompanied children, age assessments, young people leaving care and the route to citizenship for children born or raised here.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'CONVENORS',
    size: 110,
  },
  {
    slug: 'community-organising',
    name: 'Community organising and capacity',
    purpose:
      'Training and support for smaller migrant and refugee community organisations: theory of change, engaging local public agencies, fundraising, and activist-led campaigning.',
    joinPolicy: 'OPEN',
    memberListVisibility: 'MEMBERS',
    size: 380,
  },
  {
    slug: 'family-reunion-and-settlement',
    name: 'Family reunion and settlement',
    purpose:
      'Family visas and the minimum income requirement, refugee family reunion, the ten-year route to settlement and its fees, and the people it keeps apart.',
    joinPolicy: 'REQUEST',
    memberListVisibility: 'MEMBERS',
    size: 260,
  },
];

/** What each group talks about: tags, discussion topics, sentences, document and meeting titles. */
const THEMES = {
  'health-and-social-care': {
    tags: ['nhs-charging', 'gp-registration', 'evidence', 'maternity', 'mental-health', 'social-care'],
    topics: [
      'NHS charging letters',
      'GP registration refusals',
      'Maternity care and upfront charging',
      'Mental health support for people seeking asylum',
      'Data-sharing between hospitals and the Home Office',
      'Interpreters at GP surgeries',
      'Social care for people with no recourse to public funds',
      'Access to dentists for new arrivals',
    ],
    sentences: [
      'Two more people were sent upfront charging letters before a maternity appointment this month.',
      'GP registration needs no proof of address or immigration status, but some surgeries still ask for a passport.',
      'The trust says its overseas visitors team follows national guidance, which is not what we see at the desk.',
      'We have a template for recording charging cases without names or dates of birth.',
      'Several patients stopped going to antenatal appointments after receiving a bill.',
      'The clinical commissioning group agreed to remind practices of the registration guidance.',
      'Interpreters are rarely booked for first appointments, so people leave without being registered.',
      'Mental health waiting lists are long for everyone, and longer still for people moved between hotels.',
      'Our health advocates accompanied eleven people to register with a GP last quarter.',
      'Social services told a family with no recourse to public funds to come back when the baby is born.',
    ],
    documents: [
      'Evidence log – NHS charging',
      'GP registration – what to say at the desk',
      'Letter to the trust about charging',
      'Health advocates rota',
      'Maternity charging cases',
      'Briefing on data-sharing in the NHS',
    ],
    meetings: [
      'Health and Social Care: monthly meeting',
      'Evidence review: charging letters',
      'Planning call with health advocates',
      'Training: GP registration rights',
    ],
  },
  'policing-and-surveillance': {
    tags: ['know-your-rights', 'stop-and-search', 'data-sharing', 'foi', 'school-census'],
    topics: [
      'Know-your-rights cards',
      'Stop and search near the drop-in',
      'Police sharing victims’ data with immigration enforcement',
      'Freedom of information requests',
      'Immigration raids on high streets',
      'Facial recognition vans',
    ],
    sentences: [
      'Enforcement vans were seen outside the station on market day again.',
      'Victims of crime are still afraid to report because their details may be passed on.',
      'We sent freedom of information requests to six forces and four have answered.',
      'The know-your-rights card needs to fit in a pocket and be clear in translation.',
      'A solicitor has offered to check the wording on stop and search.',
      'Local police said they have no written policy on sharing data with immigration enforcement.',
      'People at the drop-in asked what to do if officers come to their workplace.',
      'We logged three raids on small businesses in the same street this month.',
    ],
    documents: [
      'Stop and search – FOI responses',
      'Know-your-rights card – text for translation',
      'Raids log',
      'Data-sharing between police and immigration enforcement',
    ],
    meetings: [
      'Policing and surveillance: monthly meeting',
      'Know-your-rights training for volunteers',
      'FOI review call',
    ],
  },
  'brexit-and-faith': {
    tags: ['settled-status', 'late-applications', 'faith-groups', 'eu-citizens'],
    topics: [
      'Late applications to the settlement scheme',
      'Settled status and older congregation members',
      'Digital status problems for EU citizens',
      'Faith groups as trusted advisers',
      'Pre-settled status running out',
    ],
    sentences: [
      'Several older members of our congregations never applied to the settlement scheme.',
      'People with pre-settled status are worried about what happens when it expires.',
      'The clinic on Thursdays can take referrals from faith groups.',
      'Churches and mosques are often the first place people come with a letter they do not understand.',
      'Some employers are refusing people whose digital status does not load at the check.',
      'We trained twenty volunteers from faith communities to spot people who need to apply late.',
      'The reasonable grounds guidance for late applications has changed twice this year.',
    ],
    documents: [
      'Late applications – guidance for faith groups',
      'Settled status clinic referrals',
      'Sermon notes on welcome',
    ],
    meetings: ['Brexit and faith: monthly meeting', 'Training for faith leaders on late applications'],
  },
  'hostile-environment': {
    tags: ['right-to-rent', 'right-to-work', 'bank-checks', 'data-sharing', 'london'],
    topics: [
      'Right to rent checks by letting agents',
      'Bank account closures',
      'Right to work checks and digital status',
      'Data-sharing between councils and the Home Office',
      'Hostile environment in London boroughs',
      'Our response to the strategic migration partnership',
    ],
    sentences: [
      'Letting agents are turning away anyone who cannot show a British passport, which is discrimination.',
      'Two members had their bank accounts frozen after an immigration status check.',
      'The borough’s housing team shares data with immigration enforcement without telling tenants.',
      'Landlords told us they do not understand the share code system and refuse to try.',
      'The partnership asked us for examples of the hostile environment in London boroughs.',
      'Employers are asking for documents that the law does not require.',
      'We want the council to stop sharing data from its homelessness service.',
      'The mystery shopping exercise with letting agents found the same pattern in every borough.',
      'Our response to the consultation needs sign-off from the convenors by the end of the week.',
      'People are avoiding services they are entitled to because they fear the checks.',
    ],
    documents: [
      'Right to rent – mystery shopping results',
      'Response to the partnership consultation',
      'Hostile environment map of London',
      'Letter to letting agents',
    ],
    meetings: [
      'Hostile environment working group',
      'Strategic migration partnership prep',
      'Right to rent evidence session',
    ],
  },
  'detention-and-removals': {
    tags: ['detention', 'charter-flights', 'visits', 'bail', 'casework'],
    topics: [
      'Visits to the removal centre',
      'Charter flight next month',
      'Bail hearings and legal representation',
      'Healthcare in detention',
      'Time limit on detention campaign',
    ],
    sentences: [
      'Visitors report that legal advice appointments are taking three weeks to arrange.',
      'Another charter flight is planned and people have been given short notice of removal.',
      'Bail hearings went ahead without interpreters twice last week.',
      'The visitors group needs more volunteers for the Saturday visits.',
      'Healthcare complaints from the centre are not being answered.',
      'We are collecting testimony for the campaign for a time limit on detention.',
      'People released from detention often have nowhere to stay on the first night.',
    ],
    documents: ['Visitors handbook', 'Bail hearing observations', 'Time limit campaign briefing'],
    meetings: ['Visitors group check-in', 'Detention casework review'],
  },
  'legal-aid-and-advice': {
    tags: ['legal-aid', 'advice-deserts', 'oisc', 'training', 'referrals'],
    topics: [
      'Advice deserts outside the big cities',
      'First-tier advice training',
      'Referral pathways to solicitors',
      'Legal aid for family reunion',
      'Exceptional case funding applications',
    ],
    sentences: [
      'There is no legal aid immigration provider left within fifty miles of the town.',
      'The first-tier advice training is full, so we are running a second course.',
      'Solicitors are closing their books to new legal aid cases for months at a time.',
      'Exceptional case funding applications take too long for urgent cases.',
      'Community organisations need clear guidance on where advice stops and signposting begins.',
      'We mapped every regulated adviser in the region and found large gaps.',
      'The referral form now asks only for what the solicitor needs to know.',
      'Legal aid for separated children is still available but hard to find.',
    ],
    documents: [
      'Advice providers map',
      'Referral form for solicitors',
      'First-tier advice course materials',
      'Exceptional case funding guide',
    ],
    meetings: ['Legal aid and advice: monthly meeting', 'Training: first-tier advice', 'Referral pathways workshop'],
  },
  'housing-and-destitution': {
    tags: ['nrpf', 'asylum-accommodation', 'evictions', 'night-shelter', 'housing-associations'],
    topics: [
      'Evictions from asylum accommodation',
      'No recourse to public funds and families',
      'Night shelter capacity this winter',
      'Hotels used as asylum accommodation',
      'Work with housing associations in the regions',
    ],
    sentences: [
      'People granted refugee status are being evicted with seven days notice.',
      'The night shelter turned people away every night last week.',
      'Families with no recourse to public funds are living in one room with no kitchen.',
      'Housing associations in the region asked for a short briefing on the right to rent.',
      'The hotel moved residents to another city without notice.',
      'Councils are refusing support under the Children Act until a child is at risk.',
      'We need a clear map of who can offer emergency accommodation in each area.',
      'The move-on period is far too short to find housing or open a bank account.',
    ],
    documents: [
      'Night shelter capacity tracker',
      'Evictions evidence log',
      'Briefing for housing associations',
      'Winter plan',
    ],
    meetings: ['Housing and destitution: monthly meeting', 'Winter planning call', 'Housing associations roundtable'],
  },
  'migrant-womens-leadership': {
    tags: ['leadership', 'mentoring', 'public-speaking', 'womens-voices'],
    topics: [
      'Mentoring pairs for the new cohort',
      'Public speaking practice',
      'Women leading community organisations',
      'Childcare at our sessions',
      'Speaking at the summit',
    ],
    sentences: [
      'The new cohort starts in September and we have twelve mentors confirmed.',
      'Childcare at the sessions made a big difference to who could come.',
      'Three women from the programme will speak at the regional assembly.',
      'Peer mentoring works best when pairs meet at least once a month.',
      'We want the next workshop to be on talking to journalists safely.',
      'Several participants are now trustees of their own organisations.',
    ],
    documents: ['Leadership programme outline', 'Mentoring agreement', 'Public speaking tips'],
    meetings: ['Leadership circle', 'Mentors check-in', 'Workshop: speaking to the media'],
  },
  'students-and-education': {
    tags: ['students', 'esol', 'fee-status', 'monitoring'],
    topics: [
      'ESOL waiting lists',
      'Home fee status for young people',
      'Attendance monitoring of international students',
      'Scholarships for refugee students',
      'College support for young migrants',
    ],
    sentences: [
      'ESOL waiting lists at the college are longer than a year.',
      'Young people who grew up here are still charged international fees.',
      'Attendance monitoring makes students afraid to miss a single class.',
      'Three universities now offer sanctuary scholarships in our area.',
      'The students we support need help with fee status assessments.',
      'The college agreed to fund extra ESOL classes after our letter.',
    ],
    documents: ['ESOL provision survey', 'Fee status guide for young people', 'Sanctuary scholarships list'],
    meetings: ['Students and education: monthly meeting', 'ESOL providers roundtable'],
  },
  'domestic-workers': {
    tags: ['domestic-workers', 'tied-visa', 'trafficking', 'self-organising'],
    topics: [
      'The tied visa and exploitation',
      'Trafficking referrals for domestic workers',
      'Workers’ assemblies',
      'Passports held by employers',
    ],
    sentences: [
      'Workers are afraid to leave abusive employers because of the tied visa.',
      'Employers are still holding passports, and the police rarely act on it.',
      'The workers’ assembly chose its own priorities for the year.',
      'Referrals into the trafficking system take months to get a decision.',
      'Many workers only have Sunday afternoons free for meetings.',
    ],
    documents: ['Workers’ rights leaflet', 'Referral guide', 'Assembly notes'],
    meetings: ['Workers’ assembly', 'Domestic workers’ rights: planning call'],
  },
  'regional-partnerships': {
    tags: ['regions', 'strategic-partnerships', 'councils', 'rural'],
    topics: [
      'Strategic migration partnerships in the North',
      'Rural towns and new arrivals',
      'Councils dispersing asylum accommodation',
      'Regional assembly planning',
      'Housing associations outside London',
    ],
    sentences: [
      'Partners in the North East say the dispersal plans were never discussed with them.',
      'Rural towns have no advice services at all for new arrivals.',
      'The regional partnership meets quarterly and agreed to add a migrant voices item.',
      'Councils outside London are asking for the same briefing we gave the boroughs.',
      'This lines up with what partners in Birmingham told us.',
      'The bus to the nearest advice service takes two hours each way.',
    ],
    documents: ['Regional contacts list', 'Partnership meeting notes', 'Rural advice gaps report'],
    meetings: ['Regional partnerships call', 'Regional assembly planning'],
  },
  'data-and-digital-rights': {
    tags: ['digital-status', 'data-protection', 'evisa', 'privacy'],
    topics: [
      'Problems with digital immigration status',
      'The immigration exemption in data protection law',
      'Keeping casework data safe',
      'Subject access requests to the Home Office',
    ],
    sentences: [
      'People cannot prove their status when the online service is down.',
      'Subject access requests to the Home Office are taking more than six months.',
      'We should agree how long member organisations keep casework records.',
      'The immigration exemption lets data be used in ways people never agreed to.',
      'Share codes expire before landlords get round to checking them.',
      'A short guide on encrypted messaging would help our volunteers.',
    ],
    documents: [
      'Digital status problems log',
      'Data protection checklist for members',
      'Subject access request template',
    ],
    meetings: ['Data and digital rights call', 'Workshop: keeping casework data safe'],
  },
  'children-and-young-people': {
    tags: ['age-assessment', 'care-leavers', 'citizenship', 'unaccompanied'],
    topics: [
      'Age assessments at the border',
      'Young people leaving care',
      'Registering children as British citizens',
      'Unaccompanied children in hotels',
    ],
    sentences: [
      'Young people are being assessed as adults after a single short interview.',
      'Care leavers lose support at eighteen while their cases are still open.',
      'The fee to register a child as British is out of reach for most families we support.',
      'Children in hotels have gone missing and nobody seems responsible.',
      'Youth workers asked for a simple guide to the registration routes.',
    ],
    documents: ['Age assessment challenges', 'Citizenship registration guide', 'Care leavers checklist'],
    meetings: ['Children and young people: planning call', 'Youth advisory group'],
  },
  'community-organising': {
    tags: ['training', 'fundraising', 'theory-of-change', 'campaigning'],
    topics: [
      'Theory of change training',
      'Small grants for community organisations',
      'Engaging local public agencies',
      'Activist-led campaigns',
      'Trustee recruitment',
    ],
    sentences: [
      'The theory of change session helped us say clearly what we are trying to achieve.',
      'Small grants of a few thousand pounds make a real difference to volunteer-run groups.',
      'Public agencies respond better when we bring evidence and a clear ask.',
      'We are pairing newer organisations with experienced ones for the funding round.',
      'Campaigns led by people with lived experience are the ones that last.',
      'The training was full, so we are running a second one.',
    ],
    documents: ['Theory of change workbook', 'Funding calendar', 'Campaign planning template'],
    meetings: ['Capacity building workshop', 'Funders roundtable', 'Community organising: monthly meeting'],
  },
  'family-reunion-and-settlement': {
    tags: ['family-visas', 'minimum-income', 'settlement-fees', 'refugee-family-reunion'],
    topics: [
      'The minimum income requirement',
      'Refugee family reunion delays',
      'Settlement fees and the ten-year route',
      'Children separated from parents by visa rules',
    ],
    sentences: [
      'The minimum income requirement keeps families apart for years.',
      'Refugee family reunion applications are waiting months for a decision.',
      'Fees for the ten-year route add up to thousands of pounds per person.',
      'Children are growing up apart from a parent because of visa rules.',
      'Several families asked for help with fee waiver applications.',
      'We should collect stories from families, with their consent, for the campaign.',
    ],
    documents: ['Family reunion delays log', 'Fee waiver guide', 'Campaign stories consent form'],
    meetings: ['Family reunion and settlement: monthly meeting', 'Fee waiver clinic planning'],
  },
};

/** Sentences any group's discussions use: agreeing, asking, organising. */
const GENERAL = [
  'Thanks for pulling this together, it is really clear.',
  'I agree with most of this, with one reservation about the timing.',
  'Could we put this on the agenda for the next meeting?',
  'We saw the same pattern in our area last month.',
  'Happy to help draft the letter if someone shares the evidence.',
  'Is there a deadline we need to work to?',
  'Our advice line had four similar calls this week.',
  'Let us keep names and dates of birth out of this discussion, please.',
  'I can take this to our trustees on Thursday.',
  'Has anyone checked whether the guidance changed since the spring?',
  'We should share this with the other working groups too.',
  'Good news: the council agreed to meet us before the end of the month.',
  'I will update the shared evidence log tonight.',
  'Can we ask a solicitor to look at the wording before it goes out?',
  'The interpreters we booked can do Arabic, Tigrinya and Farsi.',
  'Volunteers at the drop-in found the new leaflet easy to use.',
  'Funding for this runs out in March, so timing matters.',
  'I have added a summary to the group documents.',
  'Let us agree the key asks first and the wording after.',
  'It would help to hear from members outside London on this.',
  'Thanks, that answers my question.',
  'We need consent from the people involved before using any case study.',
  'A short briefing of two pages would be enough for councillors.',
  'I am not sure the press is the right route yet.',
  'Our last survey had over two hundred responses from members.',
  'The local MP’s caseworker asked for examples by Friday.',
  'Could someone with more experience of tribunals comment?',
  'We tried this approach last year and the response was slow.',
  'Agreed, and we should follow up in writing.',
  'Here is what we heard at the regional meeting yesterday.',
  'Please read the draft and add comments by Monday.',
  'I can cover the stall at the community festival on Saturday.',
  'This is exactly the kind of evidence the committee asked for.',
  'We could ask the other networks to co-sign the letter.',
  'Does anyone have a contact in the council’s housing team?',
  'Sorry I missed the call, I will catch up with the notes.',
  'Could we translate the summary before we share it with members?',
  'I spoke to the caseworker and they are happy for us to use it anonymously.',
];

/** What follows an @mention (the composer's autocomplete writes `@[Display Name]`). */
const AFTER_MENTION = [
  'could you share the template you mentioned?',
  'would you be able to check the figures before Thursday?',
  'this is the case I told you about.',
  'can you bring this to the convenors?',
  'you worked on something similar last year, any thoughts?',
  'could you add this to the agenda?',
  'thank you for the introduction to the legal clinic.',
  'would your organisation be willing to co-sign?',
  'can you confirm the room booking?',
  'do you still have the contact at the council?',
];

/** The opening post of each group's pinned "start here" discussion. */
const WELCOME = [
  'Welcome to the group, it is good to have you here.',
  'Please introduce yourself and the organisation you work with.',
  'Keep names and details of the people we support out of discussions.',
  'Start a new discussion for each topic so that others can find it.',
  'Meeting notes and shared documents are in the documents tab.',
];

const ARABIC = [
  'شكراً جزيلاً على هذه المعلومات المفيدة.',
  'سنناقش هذا الموضوع في الاجتماع القادم.',
  'هل يمكن ترجمة هذه الوثيقة إلى العربية؟',
  'نحن بحاجة إلى مترجمين في جلسة الاستشارات القانونية.',
  'أوافق تماماً، ويجب أن نتابع الأمر كتابياً.',
  'العائلات التي ندعمها تواجه صعوبات في الحصول على السكن.',
];

const TITLE_ENDINGS = [
  '',
  '',
  ': what we have seen so far',
  ': draft response',
  ' – update',
  ': next steps',
  ': evidence needed',
  ' in the North West',
  ' in the Midlands',
  ': questions for the next meeting',
  ': briefing for members',
  ' (notes from the last call)',
  ': what should we ask for?',
  ' – Arabic translation',
  ': lessons from last year',
];
const EDIT_NOTES = [
  'Edit: corrected the date of the meeting.',
  'Edit: added the figures from the second survey.',
  'Edit: removed a detail that could identify someone.',
  'Edit: fixed the name of the organisation.',
];
const HIDDEN_REASONS = [
  'Contains details that could identify a person we support.',
  'Personal information shared without consent.',
  'Off-topic and repeated in several discussions.',
];
const JOIN_MESSAGES = [
  'I volunteer at a drop-in and would like to follow this work.',
  'Our organisation works on this in the North East.',
  'I am a caseworker and see these issues every week.',
  null,
  null,
];
const RSVP_NOTES = [
  'I will need Arabic interpretation.',
  'Step-free access please.',
  'I may arrive half an hour late.',
  'Joining online.',
];
const FOLDERS = [
  'Evidence',
  'Meeting notes',
  'Briefings',
  'Templates',
  'Funding',
  'Training',
  'Press',
  'Translations',
  'Archive',
];
const YEARS = ['2025', '2026'];
const LOCATIONS = [
  'Eastside Migrant Hub, 4 Market Row, London E1',
  'Northgate Community Centre, 12 Mill Lane, Leeds LS2',
  'St Anne’s Church Hall, 30 Brook Street, Manchester M1',
  'Riverside Library, meeting room 2, 8 Quay Road, Bristol BS1',
  'Hope Street Resource Centre, 55 Hope Street, Glasgow G2',
  'Unity House, 3 Canal Side, Birmingham B1',
];
const ACCESS_NOTES = [
  'Step-free access; hearing loop in the main room.',
  'Ask for BSL or Arabic interpretation when you answer.',
  'Quiet room available; halal and vegetarian food.',
  '',
];
const CANCEL_REASONS = [
  'The venue is closed for repairs; we will find another date.',
  'Too many people sent apologies.',
  'Clashes with the national day of action.',
];
const ORGANISATIONS = [
  'Southside Refugee Forum',
  'Midlands Migrant Women’s Network',
  'Coastal Community Law Centre',
  'Harbour Families Project',
  'Northern Students Solidarity',
  'Valley Faith and Sanctuary',
  'Riverside Housing Advice',
  'Open Doors Legal Clinic',
  'Kindred Youth Collective',
  'Domestic Workers Together',
  'Data Justice Circle',
  'Pennine Welcome Network',
];

// Diverse first and last names, combined so that no two people share a display name.
const FIRST_NAMES = [
  'Aisha',
  'Abdi',
  'Adebayo',
  'Afua',
  'Ahmed',
  'Alejandro',
  'Amina',
  'Ana',
  'Andrei',
  'Anjali',
  'Arjun',
  'Ayaan',
  'Bashir',
  'Beatriz',
  'Bilal',
  'Bogdan',
  'Carmen',
  'Chiamaka',
  'Chloé',
  'Daniel',
  'Darya',
  'Dawit',
  'Deepa',
  'Eleni',
  'Emeka',
  'Esra',
  'Fatou',
  'Farida',
  'Femi',
  'Gabriela',
  'Hana',
  'Hassan',
  'Helen',
  'Hiba',
  'Ibrahim',
  'Ifeoma',
  'Imran',
  'Ioana',
  'Isaac',
  'Jamal',
  'Jana',
  'Javier',
  'Joanna',
  'José',
  'Kamala',
  'Karim',
  'Kateryna',
  'Kemi',
  'Khadija',
  'Kofi',
  'Layla',
  'Leila',
  'Liam',
  'Lina',
  'Luca',
  'Mahmoud',
  'Malika',
  'Marek',
  'Maria',
  'Mariam',
  'Mehmet',
  'Meron',
  'Mohamed',
  'Nadia',
  'Nasra',
  'Nia',
  'Nikos',
  'Noor',
  'Nour',
  'Obinna',
  'Olena',
  'Omar',
  'Oksana',
  'Patrícia',
  'Rafael',
  'Rahel',
  'Rania',
  'Ravi',
  'Reza',
  'Rosa',
  'Ruth',
  'Saba',
  'Sadia',
  'Salma',
  'Sami',
  'Sara',
  'Senait',
  'Shirin',
  'Simon',
  'Sofia',
  'Suleiman',
  'Tariq',
  'Tendai',
  'Thandiwe',
  'Tomás',
  'Uche',
  'Valentina',
  'Viktor',
  'Wanjiru',
  'Yara',
  'Yonas',
  'Youssef',
  'Zainab',
  'Zara',
  'Zeynep',
  'Zoë',
  'Kwame',
  'Ngozi',
  'Pedro',
  'Inés',
  'Dmitri',
  'Ewa',
  'Hamid',
  'Parisa',
  'Sipho',
  'Lerato',
  'Mei',
  'Tuan',
  'Kiran',
  'Rukhsana',
];
const LAST_NAMES = [
  'Abdullah',
  'Achieng',
  'Adeyemi',
  'Ahmadi',
  'Alvarez',
  'Amoah',
  'Anand',
  'Asante',
  'Bakr',
  'Balogun',
  'Banda',
  'Barzani',
  'Bekele',
  'Bianchi',
  'Bondarenko',
  'Costa',
  'Czarnecka',
  'Dahir',
  'Darwish',
  'Demir',
  'Diallo',
  'Dimitrov',
  'Dlamini',
  'Duarte',
  'Ekwueme',
  'El-Amin',
  'Fernandes',
  'Flores',
  'Gashi',
  'Ghani',
  'Gonzalez',
  'Haile',
  'Hakimi',
  'Hosseini',
  'Hussain',
  'Ibekwe',
  'Iqbal',
  'Jallow',
  'Jovanović',
  'Kamara',
  'Kaya',
  'Khalil',
  'Khan',
  'Kiplagat',
  'Kowalczyk',
  'Kumar',
  'Lungu',
  'Mahmoud',
  'Malik',
  'Mansour',
  'Martins',
  'Mbeki',
  'Mendes',
  'Mensah-Boateng',
  'Mohammadi',
  'Moyo',
  'Musa',
  'Mwangi',
  'Nakamura',
  'Nascimento',
  'Nguyen',
  'Njoroge',
  'Novak',
  'Nwosu',
  'Obi',
  'O’Connor',
  'Ogunleye',
  'Okonkwo',
  'Oliveira',
  'Omar',
  'Osman',
  'Owusu',
  'Papadopoulos',
  'Patel',
  'Petrenko',
  'Popescu',
  'Qureshi',
  'Rahimi',
  'Ramírez',
  'Rashid',
  'Reyes',
  'Rodrigues',
  'Sahin',
  'Saleh',
  'Santos',
  'Sesay',
  'Shah',
  'Sharif',
  'Silva',
  'Singh',
  'Sithole',
  'Suleiman',
  'Tadesse',
  'Tesfaye',
  'Torres',
  'Traoré',
  'Usman',
  'Vargas',
  'Warsame',
  'Wiśniewska',
  'Yilmaz',
  'Yusuf',
  'Zaman',
  'Zewdu',
  'Zhou',
  'Akhtar',
  'Boateng',
  'Chowdhury',
  'D’Souza',
  'Eze-Okafor',
  'Farah',
  'Gebre',
  'Hadid',
  'Ivanova',
  'Jaber',
  'Karimi',
  'Lopes',
  'Mirza',
  'Nour',
  'Petrova',
];
const TIME_ZONES = [
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Warsaw',
  'Africa/Lagos',
  'Asia/Karachi',
  'America/New_York',
  'Europe/Dublin',
];

const REACTIONS = ['THUMBS_UP', 'THUMBS_UP', 'THUMBS_UP', 'HEART', 'HEART', 'THANKS', 'THANKS', 'CELEBRATE', 'EYES'];

// ── randomness: seeded, so that the same arguments make the same network (times are relative to now) ──

function prng(seed) {
  // sfc32
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const r = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    bytes: (n) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
    uuid: () => {
      const bytes = r.bytes(16);
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    /** k distinct items of `list`, in random order. */
    sample: (list, k) => {
      const copy = list.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
  return r;
}

/** Picks an index by weight (prefix sums, binary search). */
function weighted(rand, weights) {
  const prefix = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (prefix[i] = sum += w));
  return () => {
    const x = rand.next() * sum;
    let lo = 0;
    let hi = prefix.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefix[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** The number of sorted `times` at or before `at`. */
function countUpTo(times, at) {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const iso = (ms) => new Date(ms).toISOString();
const pgArray = (values) => `{${values.join(',')}}`;
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// ── writing rows ──

/**
 * Inserts rows (arrays in the order of `columns`) with one statement per chunk: each column goes as
 * one array parameter and comes back out of unnest(). Array-valued columns travel as their text
 * literal and are cast on the way in.
 */
class Writer {
  constructor(db) {
    this.db = db;
    this.last = null;
  }

  async insert(table, columns, rows, { chunk = 5000, suffix = '' } = {}) {
    for (let i = 0; i < rows.length; i += chunk) await this.send(table, columns, rows.slice(i, i + chunk), suffix);
  }

  /** Sends one chunk and returns at once, so that the caller prepares the next while this one runs. */
  async send(table, columns, rows, suffix = '') {
    if (!rows.length) return;
    const isArray = (type) => type.endsWith('[]');
    const sql =
      `insert into ${table} (${columns.map(([name]) => name).join(', ')}) ` +
      `select ${columns.map(([, type], i) => (isArray(type) ? `c${i}::${type}` : `c${i}`)).join(', ')} ` +
      `from unnest(${columns.map(([, type], i) => `$${i + 1}::${isArray(type) ? 'text' : type}[]`).join(', ')}) as u(${columns.map((_, i) => `c${i}`).join(', ')}) ${suffix}`;
    const params = columns.map((_, i) => rows.map((row) => row[i]));
    await this.drain();
    this.last = this.db.query(sql, params);
    this.last.catch(() => undefined); // awaited by the next send or drain; this only keeps a failure from going unhandled meanwhile
  }

  async drain() {
    const last = this.last;
    this.last = null;
    if (last) await last;
  }

  /** A statement of its own, after whatever chunk is still running. */
  async query(sql, params) {
    await this.drain();
    return this.db.query(sql, params);
  }
}

// ── the generator ──

/**
 * Fills an already migrated database that holds the demo seed (tools/db.mjs migrate + seed) with a
 * network of realistic size. Returns the manifest the load test needs.
 */
export async function generateNetwork({ databaseUrl, dataDir, scale = 1, people = 2500, log = () => {} }) {
  if (!databaseUrl || !dataDir) throw new Error('generateNetwork needs databaseUrl and dataDir');
  if (!(scale > 0) || !(people >= 30)) throw new Error('scale must be positive and people at least 30');
  const started = performance.now();
  const app = {
    markdown: await load('libs/server/discussions/src/markdown.util.js'),
    passwords: await load('libs/server/identity/src/password-hasher.js'),
    totp: await load('libs/server/identity/src/totp.util.js'),
    fileType: await load('libs/server/documents/src/file-type.util.js'),
    documentText: await load('libs/server/documents/src/document-text.service.js'),
    input: await load('libs/server/core/src/errors/input-validation.js'),
    zoned: await load('libs/server/meetings/src/zoned-time.util.js'),
    digests: await load('libs/server/notifications/src/digest-schedule.util.js'),
  };
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // A second connection writes the discussions' read positions, watchers and reactions beside the
  // posts, so that both cores work; it commits just before the main one.
  const side = new pg.Client({ connectionString: databaseUrl });
  await side.connect();
  const rand = prng(20_261_206);
  // History ends a few minutes ago, so that nothing is in the future while it is written.
  const now = Date.now() - 5 * MINUTE;
  /** A moment within `span` after `at`, never after now. */
  const later = (at, span) => Math.round(at + rand.next() * Math.max(0, Math.min(span, now - at)));
  const ctx = {
    db,
    app,
    dataDir,
    scale,
    peopleCount: people,
    log,
    rand,
    now,
    later,
    writer: new Writer(db),
    side: new Writer(side),
  };
  try {
    const existing = await db.query(`select count(*)::int as n from users where email like 'person-%@example.org'`);
    if (existing.rows[0].n)
      throw new Error('this database already holds a generated network; generate into a fresh one');
    for (const client of [db, side]) {
      await client.query('begin');
      // Every row is made consistent here; foreign key triggers row by row would only slow the load.
      await client.query('set local session_replication_role = replica');
    }
    checkRenderer(app);
    await db.query(`set local maintenance_work_mem = '256MB'`);
    // The side connection must never wait for the main one's locks (they would wait for each other).
    await side.query(`set local lock_timeout = '20s'`);
    await phase(ctx, 'search indexes dropped', () => dropSearchIndexes(ctx));
    await phase(ctx, 'files', () => writeFiles(ctx));
    await phase(ctx, 'people', () => makePeople(ctx));
    await phase(ctx, 'groups and memberships', () => makeGroups(ctx));
    await phase(ctx, 'discussions', () => makeDiscussions(ctx));
    await phase(ctx, 'documents', () => makeDocuments(ctx));
    await phase(ctx, 'meetings', () => makeMeetings(ctx));
    await phase(ctx, 'notifications', () => makeNotifications(ctx));
    await phase(ctx, 'search indexes restored', () => restoreSearchIndexes(ctx));
    await phase(ctx, 'commit', async () => {
      await ctx.writer.drain();
      await ctx.side.drain();
      await side.query('commit');
      await db.query('commit');
    });
    // Vacuumed as a long-lived database would be (visibility map set for index-only scans), and analysed.
    await phase(ctx, 'vacuum (analyze)', () => db.query('vacuum (analyze)'));
    const manifest = await phase(ctx, 'manifest', () => manifestOf(ctx));
    log(
      `[network] done in ${seconds(started)}: ${Object.entries(manifest.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
    return manifest;
  } catch (error) {
    for (const [writer, client] of [
      [ctx.writer, db],
      [ctx.side, side],
    ]) {
      await writer.drain().catch(() => undefined);
      await client.query('rollback').catch(() => undefined);
    }
    throw error;
  } finally {
    await db.end();
    await side.end();
  }
}

async function phase(ctx, name, work) {
  const at = performance.now();
  const result = await work();
  await ctx.writer.drain();
  await ctx.side.drain();
  ctx.log(`[network] ${name}${typeof result === 'string' ? `: ${result}` : ''} (${seconds(at)})`);
  return result;
}

// markdown-it's escapeHtml, which the renderer applies to text.
const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mentionHtml = (id, name) => `<span class="mention" data-user-id="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;

/**
 * Bodies are built by joining sentences into paragraphs, and their HTML by escaping the same text
 * (rendering 400,000 bodies would cost the load a good part of its time); this holds only as long
 * as every sentence renders as plain text. Checked here against the app's own renderer, so that a
 * sentence added to a pool that Markdown would read differently fails at once.
 */
function checkRenderer(app) {
  const sentences = [
    ...GENERAL,
    ...WELCOME,
    ...ARABIC,
    ...EDIT_NOTES,
    ...Object.values(THEMES).flatMap((t) => t.sentences),
  ];
  for (const sentence of sentences) {
    const html = app.markdown.renderMarkdown(sentence);
    if (html !== `<p dir="auto">${escapeHtml(sentence)}</p>\n`)
      throw new Error(`sentence does not render as plain text: ${JSON.stringify(sentence)} -> ${html}`);
  }
  const person = { id: '00000000-0000-4000-8000-000000000000', name: 'Test Person' };
  for (const after of AFTER_MENTION) {
    const html = app.markdown.renderMarkdown(
      `@[${person.name}] ${after}`,
      new Map([[app.markdown.mentionKey(person.name), person]]),
    );
    if (html !== `<p dir="auto">${mentionHtml(person.id, person.name)} ${escapeHtml(after)}</p>\n`)
      throw new Error(`a mention renders differently: ${html}`);
  }
}

/** The GIN indexes make each insert slow; they are built once at the end, exactly as the migrations made them. */
const SEARCH_INDEXES = [
  [
    'posts_group_id_search_vector_index',
    'create index "posts_group_id_search_vector_index" on "posts" using gin ("group_id", "search_vector")',
  ],
  [
    'threads_search_vector_index',
    'create index "threads_search_vector_index" on "threads" using gin ("search_vector")',
  ],
  [
    'documents_search_vector_index',
    'create index "documents_search_vector_index" on "documents" using gin ("search_vector")',
  ],
];

async function dropSearchIndexes(ctx) {
  for (const [name] of SEARCH_INDEXES) await ctx.db.query(`drop index "${name}"`);
}

async function restoreSearchIndexes(ctx) {
  for (const [, sql] of SEARCH_INDEXES) await ctx.writer.query(sql);
}

// ── files: a small set of real objects that the generated versions point at ──

/** A PNG of a bar chart (RGB, some texture so that it is not a few hundred bytes). */
function pngChart(rand, width, height, bars) {
  const rows = [];
  const barWidth = Math.floor(width / bars.length);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const bar = Math.min(bars.length - 1, Math.floor(x / barWidth));
      const inBar = height - y <= bars[bar] * height && x % barWidth > 2;
      const noise = Math.floor(rand.next() * 24);
      const [r, g, b] = inBar ? [40 + noise, 110 + bar * 12, 160 + noise] : [244 - noise / 4, 244 - noise / 4, 240];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function fileContents(rand) {
  const themes = Object.values(THEMES);
  const sentences = (n) => Array.from({ length: n }, () => rand.pick(rand.pick(themes).sentences)).join(' ');
  const places = [
    'Leeds',
    'Bradford',
    'Manchester',
    'Birmingham',
    'Glasgow',
    'Cardiff',
    'Bristol',
    'Newcastle',
    'Leicester',
    'Hackney',
    'Newham',
    'Croydon',
    'Boston',
    'Peterborough',
  ];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const csv = (header, rows, row) => [header, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n') + '\n';
  const markdown = (title, sections) =>
    `# ${title}\n\n${sections.map(([heading, body]) => `## ${heading}\n\n${body}`).join('\n\n')}\n`;
  return [
    [
      'evidence-log.md',
      markdown('Evidence log', [
        ['How to use this log', `Each case is anonymised: no names, no dates of birth, no addresses. ${sentences(3)}`],
        [
          'Cases',
          `| Area | Month | What happened | Follow-up |\n|---|---|---|---|\n${Array.from({ length: 40 }, () => `| ${rand.pick(places)} | ${rand.pick(months)} | ${rand.pick(rand.pick(themes).sentences)} | ${rand.pick(['letter sent', 'waiting', 'resolved', 'referred'])} |`).join('\n')}`,
        ],
        [
          'Next steps',
          '- Ask for the written policy.\n- Bring the log to the next meeting.\n- Share a summary with the other working groups.',
        ],
      ]),
    ],
    [
      'meeting-notes.md',
      markdown('Notes of the working group meeting', [
        ['Present', 'Convenors and members from eleven organisations; apologies from four.'],
        ['Round-up', sentences(6)],
        [
          'Decisions',
          '1. Draft a short briefing for councillors.\n2. Collect three more examples, with consent.\n3. Ask a solicitor to check the wording.',
        ],
        ['Actions', sentences(4)],
      ]),
    ],
    [
      'briefing-for-councillors.md',
      markdown('Briefing for councillors', [
        ['Summary', sentences(5)],
        ['What we see', Array.from({ length: 12 }, () => `- ${rand.pick(rand.pick(themes).sentences)}`).join('\n')],
        [
          'What we ask',
          '- Stop sharing data from front-line services with immigration enforcement.\n- Fund independent advice.\n- Meet the people affected.',
        ],
        [
          'About the network',
          'We coordinate and amplify the concerns of migrants and the organisations that represent them.',
        ],
      ]),
    ],
    [
      'consultation-response.md',
      markdown('Response to the consultation', [
        [
          'Who we are',
          'A network of migrant and refugee community organisations, advice services, faith groups and researchers.',
        ],
        ...Array.from({ length: 8 }, (_, i) => [`Question ${i + 1}`, sentences(6)]),
        ['ملخص بالعربية', ARABIC.join(' ')],
      ]),
    ],
    [
      'know-your-rights.md',
      markdown('Know your rights', [
        ['At the GP', 'You do not need proof of address or immigration status to register with a GP.'],
        ['Renting a home', 'A landlord must not refuse you because of your nationality.'],
        ['If you are stopped', 'You can ask why you have been stopped and ask for a record of the stop.'],
        ['Getting advice', sentences(4)],
        [
          'Where to get help',
          Array.from(
            { length: 10 },
            () =>
              `- ${rand.pick(places)}: ${rand.pick(['drop-in on Tuesdays', 'advice line on weekday mornings', 'legal clinic once a month', 'women’s group on Saturdays'])}`,
          ).join('\n'),
        ],
        ['بالعربية', ARABIC.slice(0, 4).join(' ')],
      ]),
    ],
    [
      'volunteer-script.txt',
      `What to say at the desk\n\n${Array.from({ length: 6 }, () => sentences(3)).join('\n\n')}\n\nIf the practice refuses, ask for the refusal in writing and tell us.\n`,
    ],
    [
      'press-statement-draft.txt',
      `DRAFT - not for publication\n\n${Array.from({ length: 5 }, () => sentences(4)).join('\n\n')}\n\nFor more information contact the network office.\n`,
    ],
    [
      'training-plan.txt',
      `Training session plan\n\n${Array.from({ length: 8 }, (_, i) => `${10 + i}:00  ${rand.pick(['Welcome and introductions', 'The law in plain words', 'Case studies in small groups', 'Break', 'Role play at the desk', 'Where to refer', 'Questions', 'Evaluation'])}\n       ${sentences(2)}`).join('\n')}\n`,
    ],
    [
      'helpline-rota.txt',
      `Advice line rota\n\n${Array.from({ length: 30 }, (_, i) => `Week ${i + 1}: ${rand.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} ${rand.pick(['morning', 'afternoon', 'evening'])} - volunteer ${(i % 7) + 1}, backup ${((i + 3) % 7) + 1}`).join('\n')}\n`,
    ],
    [
      'foi-responses.csv',
      csv(
        'body,requests,answered,refused,late',
        60,
        (i) =>
          `${rand.pick(places)} ${rand.pick(['council', 'police', 'hospital trust', 'college'])} ${i + 1},${rand.int(1, 6)},${rand.int(0, 5)},${rand.int(0, 3)},${rand.int(0, 2)}`,
      ),
    ],
    [
      'casework-tally.csv',
      csv(
        'month,area,category,new_cases,closed_cases,referred',
        260,
        () =>
          `${rand.pick(YEARS)}-${String(rand.int(1, 12)).padStart(2, '0')},${rand.pick(places)},${rand.pick(['housing', 'health', 'status', 'detention', 'family', 'work', 'education'])},${rand.int(0, 40)},${rand.int(0, 35)},${rand.int(0, 12)}`,
      ),
    ],
    [
      'survey-results.csv',
      csv(
        'respondent,organisation_type,region,priority_1,priority_2,would_attend_summit',
        420,
        (i) =>
          `R${String(i + 1).padStart(4, '0')},${rand.pick(['community organisation', 'NGO', 'faith group', 'research', 'individual'])},${rand.pick(places)},${rand.pick(['housing', 'legal aid', 'detention', 'health', 'family reunion', 'data sharing'])},${rand.pick(['students', 'domestic workers', 'children', 'settlement fees', 'policing'])},${rand.pick(['yes', 'no', 'maybe'])}`,
      ),
    ],
    [
      'referrals-by-month.png',
      pngChart(
        rand,
        160,
        100,
        Array.from({ length: 12 }, () => 0.2 + rand.next() * 0.75),
      ),
    ],
    [
      'partners-by-region.png',
      pngChart(
        rand,
        120,
        90,
        Array.from({ length: 8 }, () => 0.15 + rand.next() * 0.8),
      ),
    ],
  ];
}

/** Writes each object once under `<dataDir>/objects/<key>`, as the local storage driver lays them out. */
async function writeFiles(ctx) {
  const { rand, app } = ctx;
  const objects = [];
  for (const [fileName, content] of fileContents(rand)) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    if (bytes.length < 1024 || bytes.length > 30 * 1024)
      throw new Error(`${fileName} is ${bytes.length} bytes; keep the sample files between 1 and 30 KB`);
    // The type the upload would have sniffed, and only types the app allows by default.
    const { mime } = await app.fileType.detectFileType(bytes.subarray(0, app.fileType.SNIFF_BYTES), fileName);
    if (app.fileType.extensionMismatch(fileName, mime) || !app.fileType.DEFAULT_ALLOWED_TYPES.includes(mime))
      throw new Error(`${fileName} would be refused as ${mime}`);
    const id = rand.uuid().replaceAll('-', '');
    const storageKey = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
    const path = join(ctx.dataDir, 'objects', storageKey);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { mode: 0o600 });
    // What the worker's text extraction would have stored for the document (text types only).
    let text = '';
    if (['text/plain', 'text/markdown', 'text/csv'].includes(mime)) {
      text = app.documentText.decodeUtf8Prefix(bytes);
      if (mime === 'text/markdown') text = app.documentText.markdownWords(text);
    }
    const extractedText = app.input.stripControlCharacters(text).replace(/\s+/g, ' ').trim().slice(0, 500_000);
    objects.push({
      fileName,
      extension: fileName.split('.').pop(),
      storageKey,
      size: bytes.length,
      sha256: sha256(bytes),
      contentType: mime,
      extractedText,
    });
  }
  ctx.objects = objects;
  const types = [...new Set(objects.map((o) => o.contentType))].join(', ');
  return `${objects.length} objects (${types}) in ${join(ctx.dataDir, 'objects')}`;
}

// ── people ──

async function makePeople(ctx) {
  const { rand, app, now, peopleCount } = ctx;
  const { rows: existing } = await ctx.writer.query('select display_name from users');
  const taken = new Set(existing.map((u) => app.markdown.mentionKey(u.display_name)));
  const combos = [];
  for (const first of FIRST_NAMES) for (const last of LAST_NAMES) combos.push(`${first} ${last}`);
  const names = rand.sample(combos, combos.length).filter((name) => !taken.has(app.markdown.mentionKey(name)));
  if (names.length < peopleCount) throw new Error(`at most ${names.length} people have distinct names here`);

  const { rows: known } = await ctx.writer.query('select id, name from partner_organisations');
  const organisations = known.map((o) => o.id);
  const newOrganisations = ORGANISATIONS.filter((name) => !known.some((o) => o.name === name)).map((name) => [
    rand.uuid(),
    name,
    `https://${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.org`,
    iso(now - 4 * 365 * DAY),
  ]);
  await ctx.writer.insert(
    'partner_organisations',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['website', 'text'],
      ['created_at', 'timestamptz'],
    ],
    newOrganisations,
  );
  organisations.push(...newOrganisations.map(([id]) => id));

  // One argon2id hash, made the way the app makes it, shared by everyone generated.
  const passwordHash = await app.passwords.hashPassword(PASSWORD);
  ctx.people = Array.from({ length: peopleCount }, (_, i) => {
    const createdAt = now - (3.2 + rand.next() * 1.3) * 365 * DAY;
    return {
      index: i,
      id: rand.uuid(),
      email: `person-${i + 1}@example.org`,
      displayName: names[i],
      // The first three run the network.
      networkRole: i < 3 ? 'ADMIN' : 'MEMBER',
      locale: rand.chance(0.08) ? 'ar' : 'en',
      timeZone: rand.chance(0.85) ? 'Europe/London' : rand.pick(TIME_ZONES),
      organisationId: rand.chance(0.25) ? rand.pick(organisations) : null,
      createdAt,
      groups: [],
      twoFactorSecret: null,
    };
  });
  await ctx.writer.insert(
    'users',
    [
      ['id', 'uuid'],
      ['email', 'text'],
      ['display_name', 'text'],
      ['password_hash', 'text'],
      ['locale', 'text'],
      ['time_zone', 'text'],
      ['network_role', 'network_role'],
      ['organisation_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['password_changed_at', 'timestamptz'],
    ],
    ctx.people.map((p) => [
      p.id,
      p.email,
      p.displayName,
      passwordHash,
      p.locale,
      p.timeZone,
      p.networkRole,
      p.organisationId,
      iso(p.createdAt),
      iso(p.createdAt),
    ]),
  );
  ctx.password = PASSWORD;
  return `${peopleCount} people, ${newOrganisations.length} more partner organisations`;
}

// ── groups and memberships ──

async function makeGroups(ctx) {
  const { rand, now, people } = ctx;
  const founded = now - 3 * 365 * DAY;
  const { rows: demo } = await ctx.writer.query(
    'select id, slug, name, join_policy, member_list_visibility, content_free_notifications from working_groups',
  );
  const demoBySlug = new Map(demo.map((g) => [g.slug, g]));
  // The demo groups are made "now" by the seed; the history written below reaches back two years.
  await ctx.writer.query('update working_groups set created_at = $1 where slug = any($2)', [
    iso(founded),
    GROUPS.filter((g) => g.demo).map((g) => g.slug),
  ]);

  ctx.groups = GROUPS.map((spec, index) => {
    const row = demoBySlug.get(spec.slug);
    if (spec.demo && !row)
      throw new Error(`the demo group ${spec.slug} is missing: seed the database first (tools/db.mjs seed)`);
    return {
      index,
      id: row?.id ?? rand.uuid(),
      slug: spec.slug,
      name: row?.name ?? spec.name,
      purpose: spec.purpose,
      joinPolicy: row?.join_policy ?? spec.joinPolicy,
      visibility: row?.member_list_visibility ?? spec.memberListVisibility,
      contentFree: row?.content_free_notifications ?? spec.contentFreeNotifications ?? false,
      demo: Boolean(spec.demo),
      createdAt: spec.demo ? founded : founded + index * 3 * DAY,
      theme: THEMES[spec.slug],
      size: spec.size,
      members: [],
      convenors: [],
    };
  });
  const fresh = ctx.groups.filter((g) => !g.demo);
  await ctx.writer.insert(
    'working_groups',
    [
      ['id', 'uuid'],
      ['slug', 'text'],
      ['name', 'text'],
      ['purpose', 'text'],
      ['join_policy', 'join_policy'],
      ['member_list_visibility', 'member_list_visibility'],
      ['content_free_notifications', 'boolean'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    fresh.map((g) => [
      g.id,
      g.slug,
      g.name,
      g.purpose,
      g.joinPolicy,
      g.visibility,
      g.contentFree,
      iso(g.createdAt),
      iso(g.createdAt + rand.int(1, 400) * DAY),
    ]),
  );

  // Each person is active in 1–4 groups; groups are filled largest first, from the people with the
  // most places left, so that sizes keep their spread (about 80 to 700 at 2,500 people).
  const places = people.map(() => {
    const x = rand.next();
    return x < 0.5 ? 1 : x < 0.8 ? 2 : x < 0.93 ? 3 : 4;
  });
  const totalPlaces = places.reduce((a, b) => a + b, 0);
  const totalSize = ctx.groups.reduce((a, g) => a + g.size, 0);
  const inGroup = ctx.groups.map(() => new Set());
  for (const group of [...ctx.groups].sort((a, b) => b.size - a.size)) {
    const want = Math.max(6, Math.round((group.size * totalPlaces) / totalSize));
    // Efraimidis–Spirakis: a weighted sample without replacement, weights = places left.
    const chosen = people
      .filter((p) => places[p.index] > 0)
      .map((p) => ({ p, key: Math.pow(rand.next(), 1 / places[p.index]) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, want)
      .map(({ p }) => p);
    for (const p of chosen) {
      places[p.index] -= 1;
      inGroup[group.index].add(p.index);
    }
  }
  const pickGroup = weighted(
    rand,
    ctx.groups.map((g) => g.size),
  );
  for (const p of people) if (!inGroup.some((set) => set.has(p.index))) inGroup[pickGroup()].add(p.index);

  const memberships = [];
  for (const group of ctx.groups) {
    const ids = rand.sample([...inGroup[group.index]], Infinity);
    const convenorCount = Math.min(ids.length, Math.max(3, Math.min(6, 3 + Math.floor(ids.length / 150))));
    // The admins convene a group each, where they are members.
    const admins = ids.filter((i) => i < 3 && !people[i].groups.some((m) => m.role === 'CONVENOR'));
    const convenors = [...admins.slice(0, 1), ...ids.filter((i) => !admins.slice(0, 1).includes(i))].slice(
      0,
      convenorCount,
    );
    for (const i of ids) {
      const person = people[i];
      const role = convenors.includes(i) ? 'CONVENOR' : rand.chance(0.05) ? 'OBSERVER' : 'MEMBER';
      const early = role === 'CONVENOR' || i < 3 || rand.chance(0.8);
      // Convenors since the group began; most members for over two years; some joined since.
      const joinedAt =
        role === 'CONVENOR'
          ? group.createdAt + rand.next() * 20 * DAY
          : early
            ? group.createdAt + 21 * DAY + rand.next() * (now - 751 * DAY - group.createdAt)
            : now - 730 * DAY + rand.next() * 720 * DAY;
      const member = { person, role, joinedAt, membershipId: rand.uuid(), group };
      group.members.push(member);
      if (role === 'CONVENOR') group.convenors.push(member);
      person.groups.push(member);
    }
    for (const member of group.members) {
      // Requests to a reviewing group were approved by one of its convenors; open groups admit at once.
      // (Convenors were there before anyone else joined.)
      member.decidedBy =
        member.role !== 'CONVENOR' && group.joinPolicy === 'REQUEST' ? rand.pick(group.convenors).person : null;
      member.decidedAt = Math.min(now, member.joinedAt + (member.decidedBy ? rand.next() * 3 * DAY : 0));
      memberships.push([
        member.membershipId,
        group.id,
        member.person.id,
        member.role,
        'ACTIVE',
        null,
        iso(member.joinedAt),
        iso(member.decidedAt),
        member.decidedBy?.id ?? null,
      ]);
    }
    group.members.sort((a, b) => a.joinedAt - b.joinedAt);
  }

  // A few people waiting for a convenor's answer, in groups that review requests.
  const reviewing = ctx.groups.filter((g) => g.joinPolicy === 'REQUEST');
  const pickReviewing = weighted(
    rand,
    reviewing.map((g) => g.size),
  );
  ctx.pending = [];
  for (
    let n = 0, tries = 0;
    n < Math.max(3, Math.round(30 * Math.min(1, people.length / 2500))) && tries < 1000;
    tries++
  ) {
    const group = reviewing[pickReviewing()];
    const person = rand.pick(people);
    if (inGroup[group.index].has(person.index)) continue;
    inGroup[group.index].add(person.index);
    const request = {
      id: rand.uuid(),
      group,
      person,
      message: rand.pick(JOIN_MESSAGES),
      createdAt: now - rand.next() * 30 * DAY,
    };
    ctx.pending.push(request);
    person.pendingGroupIds = [...(person.pendingGroupIds ?? []), group.id];
    memberships.push([
      request.id,
      group.id,
      person.id,
      'MEMBER',
      'PENDING',
      request.message,
      iso(request.createdAt),
      null,
      null,
    ]);
    n++;
  }
  await ctx.writer.insert(
    'memberships',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['user_id', 'uuid'],
      ['role', 'membership_role'],
      ['status', 'membership_status'],
      ['message', 'text'],
      ['created_at', 'timestamptz'],
      ['decided_at', 'timestamptz'],
      ['decided_by_id', 'uuid'],
    ],
    memberships,
  );

  // Network admins and convenors sign in with an authenticator app, set up as the app does it: the
  // base32 secret stored as is, the step of the confirming code, ten hashed recovery codes.
  const secured = people.filter((p) => p.networkRole === 'ADMIN' || p.groups.some((m) => m.role === 'CONVENOR'));
  const recovery = [];
  const audit = [];
  for (const person of secured) {
    person.twoFactorSecret = ctx.app.totp.base32Encode(rand.bytes(20));
    person.totpEnabledAt = Math.min(
      now - DAY,
      Math.max(person.createdAt, ...person.groups.filter((m) => m.role === 'CONVENOR').map((m) => m.joinedAt)) +
        rand.next() * 60 * DAY,
    );
    for (let i = 0; i < 10; i++) {
      const code = Array.from({ length: 10 }, () => rand.pick('abcdefghjkmnpqrstuvwxyz23456789')).join('');
      recovery.push([rand.uuid(), person.id, sha256(`${person.id}:${code}`), iso(person.totpEnabledAt)]);
    }
    audit.push([rand.uuid(), iso(person.totpEnabledAt), 'TWO_FACTOR_ENABLED', person.id, null, null]);
  }
  await ctx.writer.query(
    `update users u set totp_secret = s.secret, totp_enabled_at = s.enabled_at, totp_last_step = s.step
     from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[]) as s(id, secret, enabled_at, step) where u.id = s.id`,
    [
      secured.map((p) => p.id),
      secured.map((p) => p.twoFactorSecret),
      secured.map((p) => iso(p.totpEnabledAt)),
      secured.map((p) => Math.floor(p.totpEnabledAt / 30_000)),
    ],
  );
  await ctx.writer.insert(
    'recovery_codes',
    [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['code_hash', 'text'],
      ['created_at', 'timestamptz'],
    ],
    recovery,
  );
  for (const group of fresh)
    audit.push([rand.uuid(), iso(group.createdAt), 'GROUP_CREATED', people[0].id, null, group.id]);
  await ctx.writer.insert(
    'audit_events',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['action', 'audit_action'],
      ['actor_id', 'uuid'],
      ['subject_user_id', 'uuid'],
      ['group_id', 'uuid'],
    ],
    audit,
  );

  const sizes = ctx.groups.map((g) => g.members.length);
  return `${ctx.groups.length} groups (${fresh.length} new) of ${Math.min(...sizes)}–${Math.max(...sizes)} active members, ${memberships.length} memberships (${ctx.pending.length} pending), ${ctx.groups.reduce((a, g) => a + g.convenors.length, 0)} convenor places, ${secured.length} people with two-factor sign-in`;
}

// ── discussions ──

/** Splits `total` over `weights` in whole numbers (largest remainders), each at least `min`. */
function allocate(total, weights, min = 0) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - min * weights.length;
  const exact = weights.map((w) => (w / sum) * Math.max(0, rest));
  const counts = exact.map((x) => min + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (let i = 0, left = total - counts.reduce((a, b) => a + b, 0); i < left; i++)
    counts[order[i % order.length][1]] += 1;
  return counts;
}

/** A member of the group who had joined by `at` (retrying a few random picks), or null. */
function memberAt(rand, members, at, not = null) {
  for (let i = 0; i < 12; i++) {
    const m = members[Math.floor(rand.next() * members.length)];
    if (m.joinedAt <= at && m.person !== not) return m;
  }
  return null;
}

/** Keeps at most `cap` items of a stream, each equally likely (reservoir sampling). */
function keep(rand, bag, cap, item) {
  bag.seen = (bag.seen ?? 0) + 1;
  if (bag.length < cap) bag.push(item);
  else {
    const j = Math.floor(rand.next() * bag.seen);
    if (j < cap) bag[j] = item;
  }
}

const POST_COLUMNS = [
  ['id', 'uuid'],
  ['thread_id', 'uuid'],
  ['parent_id', 'uuid'],
  ['author_id', 'uuid'],
  ['body', 'text'],
  ['body_html', 'text'],
  ['depth', 'smallint'],
  ['created_at', 'timestamptz'],
  ['edited_at', 'timestamptz'],
  ['deleted_at', 'timestamptz'],
  ['hidden_at', 'timestamptz'],
  ['hidden_reason', 'text'],
  ['hidden_by_id', 'uuid'],
  ['mentioned_ids', 'text[]'],
];
const READ_COLUMNS = [
  ['user_id', 'uuid'],
  ['thread_id', 'uuid'],
  ['read_count', 'int'],
  ['read_at', 'timestamptz'],
];
const WATCH_COLUMNS = [
  ['user_id', 'uuid'],
  ['thread_id', 'uuid'],
  ['level', 'thread_notification_level'],
];
const REACTION_COLUMNS = [
  ['post_id', 'uuid'],
  ['user_id', 'uuid'],
  ['reaction', 'reaction'],
  ['created_at', 'timestamptz'],
];
const REVISION_COLUMNS = [
  ['id', 'uuid'],
  ['post_id', 'uuid'],
  ['body', 'text'],
  ['body_html', 'text'],
  ['written_at', 'timestamptz'],
  ['replaced_at', 'timestamptz'],
  ['editor_id', 'uuid'],
];

/**
 * Threads and their posts, written thread by thread: reply trees a few levels deep in the order
 * they were written, mentions of members the author may mention, edits with their revisions, a few
 * deleted and hidden posts, reactions, read positions (authors have read up to their own last post)
 * and the watchers every participant becomes. Each thread's post count and last activity are its posts'.
 */
async function makeDiscussions(ctx) {
  const { rand, now, later, scale, groups, app, writer, people } = ctx;
  const threadTotal = Math.max(groups.length * 3, Math.round(20_000 * scale));
  const postTotal = Math.max(threadTotal * 2, Math.round(400_000 * scale));
  const perGroup = allocate(
    threadTotal,
    groups.map((g) => Math.pow(g.members.length, 0.7)),
    2,
  );
  // Replies per thread: log-normal, so most discussions are short and a few run to hundreds of posts.
  const replyCounts = allocate(
    postTotal - threadTotal,
    Array.from({ length: threadTotal }, () => Math.exp(1.15 * rand.normal())),
  );
  const target = Math.max(1, Math.round(40 * scale));
  ctx.notify = {
    threads: groups.map(() => []),
    replies: people.map(() => []),
    mentions: people.map(() => []),
    hidden: [],
    target,
  };
  ctx.threads = [];
  const buffers = { posts: [], reads: [], watches: [], reactions: [], revisions: [] };
  const flush = async (force = false) => {
    if (buffers.posts.length >= 4000 || (force && buffers.posts.length))
      await writer.send('posts', POST_COLUMNS, buffers.posts.splice(0));
    for (const [name, table, columns] of [
      ['reads', 'thread_reads', READ_COLUMNS],
      ['watches', 'thread_notification_preferences', WATCH_COLUMNS],
      ['reactions', 'post_reactions', REACTION_COLUMNS],
      ['revisions', 'post_revisions', REVISION_COLUMNS],
    ]) {
      if (buffers[name].length >= 20_000 || (force && buffers[name].length))
        await ctx.side.send(table, columns, buffers[name].splice(0));
    }
  };
  const { rows: demoThreads } = await ctx.writer.query('select id from threads');
  let threadNumber = 0;
  let postCount = 0;
  let depthMax = 0;
  let checked = 0;

  for (const group of groups) {
    const theme = group.theme;
    const posters = rand.sample(
      group.members.filter((m) => m.role !== 'OBSERVER'),
      Infinity,
    );
    const pickPoster = weighted(
      rand,
      posters.map((m, rank) => (m.role === 'CONVENOR' ? 2.5 : 1) / Math.pow(rank + 3, 0.85)),
    );
    const authorAt = (at) => {
      for (let i = 0; i < 8; i++) {
        const m = posters[pickPoster()];
        if (m.joinedAt <= at) return m;
      }
      return rand.pick(group.convenors);
    };
    // Everyone sees the whole member list unless it is for convenors; then members mention convenors only.
    const mentionable = (author, at) => {
      const seesAll =
        group.visibility === 'MEMBERS' || author.role === 'CONVENOR' || author.person.networkRole === 'ADMIN';
      return seesAll
        ? memberAt(rand, group.members, at, author.person)
        : (group.convenors.find((c) => c !== author && rand.chance(0.5)) ??
            group.convenors.find((c) => c !== author) ??
            null);
    };
    const sentence = () => {
      const x = rand.next();
      return x < 0.55 ? rand.pick(theme.sentences) : x < 0.96 ? rand.pick(GENERAL) : rand.pick(ARABIC);
    };
    const paragraph = (max) => Array.from({ length: rand.int(1, max) }, sentence).join(' ');

    for (let t = 0; t < perGroup[group.index]; t++) {
      const replies = replyCounts[threadNumber++];
      const welcome = t === 0;
      const age = welcome ? 700 * DAY + rand.next() * 25 * DAY : HOUR + 730 * DAY * Math.pow(rand.next(), 1.25);
      const startedAt = Math.round(now - age);
      const span = Math.min(
        now - startedAt - MINUTE,
        DAY * (0.3 + replies * 0.25) * Math.exp(0.6 * rand.normal()),
        200 * DAY,
      );
      const n = replies + 1;
      const times = new Float64Array(n);
      times[0] = startedAt;
      for (let k = 1; k < n; k++) times[k] = startedAt + Math.max(1000, span * Math.pow(rand.next(), 1.7));
      times.sort();
      for (let k = 1; k < n; k++) if (times[k] <= times[k - 1]) times[k] = times[k - 1] + 1;
      for (let k = 0; k < n; k++) times[k] = Math.round(times[k]);

      const thread = {
        id: rand.uuid(),
        group,
        title: welcome ? 'Start here: how this group works' : `${rand.pick(theme.topics)}${rand.pick(TITLE_ENDINGS)}`,
        tags: welcome ? ['welcome'] : rand.sample(theme.tags, rand.chance(0.3) ? 0 : rand.int(1, 2)),
        pinned: welcome || (t < 40 && rand.chance(0.02)),
        locked: !welcome && age > 365 * DAY && rand.chance(0.01),
        createdAt: startedAt,
        postCount: n,
        lastActivityAt: times[n - 1],
      };
      const ids = [];
      const authors = [];
      const parents = new Int32Array(n);
      const depths = new Int16Array(n);
      const lastBy = new Map();
      for (let k = 0; k < n; k++) {
        const at = times[k];
        let parent = -1;
        if (k > 0) {
          parent = k === 1 || rand.chance(0.45) ? 0 : k - 1 - Math.floor((k - 1) * Math.pow(rand.next(), 3));
          while (depths[parent] >= 4) parent = parents[parent];
        }
        parents[k] = parent;
        depths[k] = parent < 0 ? 0 : depths[parent] + 1;
        if (depths[k] > depthMax) depthMax = depths[k];
        // Replies often come from people already in the conversation; a convenor opens the welcome.
        const author =
          k > 0 && rand.chance(0.35)
            ? authors[Math.floor(rand.next() * k)]
            : welcome && k === 0
              ? rand.pick(group.convenors)
              : authorAt(at);
        const id = rand.uuid();
        ids.push(id);
        authors.push(author);
        lastBy.set(author, k);

        const paragraphs =
          welcome && k === 0
            ? [rand.sample(WELCOME, 3).join(' '), paragraph(2)]
            : Array.from({ length: k === 0 ? rand.int(2, 3) : rand.chance(0.7) ? 1 : 2 }, () =>
                paragraph(k === 0 ? 3 : 2),
              );
        // Plain paragraphs render as <p> around the escaped text (checked against the renderer).
        const html = paragraphs.map((p) => `<p dir="auto">${escapeHtml(p)}</p>\n`);
        const mentioned = [];
        if (rand.chance(k === 0 ? 0.03 : 0.04)) {
          const target = mentionable(author, at);
          if (target) {
            // Written as the composer writes a mention, rendered as the renderer resolves it.
            const after = rand.pick(AFTER_MENTION);
            paragraphs.push(`@[${target.person.displayName}] ${after}`);
            html.push(
              `<p dir="auto">${mentionHtml(target.person.id, target.person.displayName)} ${escapeHtml(after)}</p>\n`,
            );
            mentioned.push(target.person);
          }
        }
        let body = paragraphs.join('\n\n');
        let bodyHtml = html.join('');
        let editedAt = null;
        let deletedAt = null;
        let hiddenAt = null;
        let hiddenReason = null;
        let hiddenBy = null;
        const x = rand.next();
        if (k > 0 && x < 0.005) {
          deletedAt = later(at, 2 * DAY);
        } else if (k > 0 && x < 0.0065) {
          const moderator = group.convenors.find((c) => c.person !== author.person && c.joinedAt <= at);
          if (moderator) {
            hiddenAt = later(at, 3 * DAY);
            hiddenReason = rand.pick(HIDDEN_REASONS);
            hiddenBy = moderator.person;
          }
        } else if (x < 0.03) {
          editedAt = later(at, 2 * DAY);
          const note = rand.pick(EDIT_NOTES);
          buffers.revisions.push([rand.uuid(), id, body, bodyHtml, iso(at), iso(editedAt), author.person.id]);
          body = `${body}\n\n${note}`;
          bodyHtml = `${bodyHtml}<p dir="auto">${escapeHtml(note)}</p>\n`;
        }
        if (deletedAt === null && ++checked % 200 === 1) {
          // One body in 200, rendered by the app itself with its mentions resolved, must come out the same.
          const known = new Map(
            mentioned.map((p) => [app.markdown.mentionKey(p.displayName), { id: p.id, name: p.displayName }]),
          );
          const rendered = app.markdown.renderMarkdown(body, known);
          if (rendered !== bodyHtml)
            throw new Error(`a generated body renders differently:\n${body}\n${rendered}\n${bodyHtml}`);
        }
        const mentionedIds = deletedAt === null ? mentioned.map((p) => p.id) : [];
        buffers.posts.push([
          id,
          thread.id,
          parent < 0 ? null : ids[parent],
          author.person.id,
          deletedAt === null ? body : '',
          deletedAt === null ? bodyHtml : '',
          depths[k],
          iso(at),
          editedAt && iso(editedAt),
          deletedAt && iso(deletedAt),
          hiddenAt && iso(hiddenAt),
          hiddenReason,
          hiddenBy?.id ?? null,
          pgArray(mentionedIds),
        ]);
        postCount += 1;

        // What the notification history is drawn from: replies to someone's post, mentions, hiding.
        const post = { id, thread, group, author: author.person, at, mentionedIds };
        if (k === 0) thread.mentionedIds = mentionedIds;
        for (const person of mentioned)
          if (person !== author.person)
            keep(rand, ctx.notify.mentions[person.index], Math.ceil(target * 0.3) + 1, post);
        const parentAuthor = parent < 0 ? null : authors[parent].person;
        post.parentAuthor = parentAuthor;
        if (parentAuthor && parentAuthor !== author.person && !mentioned.includes(parentAuthor))
          keep(rand, ctx.notify.replies[parentAuthor.index], Math.ceil(target * 0.4) + 1, post);
        if (hiddenBy) ctx.notify.hidden.push({ ...post, actor: hiddenBy, at: hiddenAt });

        if (deletedAt === null && hiddenAt === null && rand.chance(0.2)) {
          const reactors = new Set();
          for (
            let r = 0, count = 1 + Math.floor(Math.log(1 - rand.next()) / Math.log(0.45));
            r < Math.min(count, 6);
            r++
          ) {
            const reactor = memberAt(rand, group.members, at, author.person);
            if (!reactor || reactors.has(reactor)) continue;
            reactors.add(reactor);
            buffers.reactions.push([id, reactor.person.id, rand.pick(REACTIONS), iso(later(at, 2 * DAY))]);
          }
        }
      }

      // Read positions: writing in a discussion means having read it up to one's own post; some
      // authors read on later. Other members read some discussions, recent ones more often.
      const readers = new Set();
      for (const [author, last] of lastBy) {
        readers.add(author);
        let count = last + 1;
        let readAt = times[last];
        if (last < n - 1 && rand.chance(0.6)) {
          count = rand.int(last + 2, n);
          readAt = Math.min(later(times[count - 1], 30 * MINUTE), count < n ? times[count] - 1 : now);
        }
        buffers.reads.push([author.person.id, thread.id, count, iso(readAt)]);
        buffers.watches.push([author.person.id, thread.id, 'WATCHING']);
      }
      const others = Math.min(80, Math.round(group.members.length * (0.04 + 0.25 * Math.exp(-age / (90 * DAY)))));
      for (let r = 0; r < others; r++) {
        const reader = memberAt(rand, group.members, now);
        if (!reader || readers.has(reader)) continue;
        readers.add(reader);
        const from = Math.max(startedAt, reader.joinedAt);
        const readAt = Math.round(from + (now - from) * rand.next());
        const count = countUpTo(times, readAt);
        if (count > 0) buffers.reads.push([reader.person.id, thread.id, count, iso(readAt)]);
      }

      ctx.threads.push(thread);
      ctx.notify.threads[group.index].push({ thread, author: authors[0].person });
      thread.author = authors[0].person;
      await flush();
    }
  }
  await flush(true);
  await writer.insert(
    'threads',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['author_id', 'uuid'],
      ['title', 'text'],
      ['tags', 'text[]'],
      ['pinned', 'boolean'],
      ['locked', 'boolean'],
      ['post_count', 'int'],
      ['created_at', 'timestamptz'],
      ['last_activity_at', 'timestamptz'],
    ],
    ctx.threads.map((t) => [
      t.id,
      t.group.id,
      t.author.id,
      t.title,
      pgArray(t.tags),
      t.pinned,
      t.locked,
      t.postCount,
      iso(t.createdAt),
      iso(t.lastActivityAt),
    ]),
  );
  // The demo seed's own discussions: their participants watch them too, as after the migration.
  // (On the main connection: the side one may not read posts, which this transaction holds locked.)
  await writer.query(
    `insert into thread_notification_preferences (user_id, thread_id, level)
     select distinct author_id, thread_id, 'WATCHING'::thread_notification_level from posts where thread_id = any($1::uuid[]) on conflict do nothing`,
    [demoThreads.map((t) => t.id)],
  );
  for (const list of ctx.notify.threads) list.sort((a, b) => a.thread.createdAt - b.thread.createdAt);
  return `${ctx.threads.length} threads, ${postCount} posts (longest ${Math.max(...ctx.threads.map((t) => t.postCount))}, deepest reply ${depthMax} levels), ${Math.ceil(checked / 200)} bodies checked against the renderer`;
}

// ── documents ──

/** A non-observer member who had joined by `at` (they add documents), or a convenor. */
function editorAt(rand, group, at) {
  for (let i = 0; i < 12; i++) {
    const m = group.members[Math.floor(rand.next() * group.members.length)];
    if (m.role !== 'OBSERVER' && m.joinedAt <= at) return m;
  }
  return rand.pick(group.convenors);
}

/**
 * Documents in folders and at the top level, each with 1–3 versions pointing at the sample objects
 * (a restore points at the object of the version it restores). The document row carries its current
 * version's type and size and the text the worker would have extracted from it.
 */
async function makeDocuments(ctx) {
  const { rand, now, later, scale, groups, objects, writer } = ctx;
  const total = Math.max(groups.length, Math.round(5000 * scale));
  const perGroup = allocate(
    total,
    groups.map((g) => Math.pow(g.members.length, 0.7)),
    1,
  );
  const byExtension = new Map();
  for (const o of objects) byExtension.set(o.extension, [...(byExtension.get(o.extension) ?? []), o]);
  const pickObject = weighted(
    rand,
    objects.map((o) => ({ md: 4, txt: 3, csv: 2, png: 1 })[o.extension] ?? 1),
  );
  const folders = [];
  const documents = [];
  const versions = [];
  const links = [];
  ctx.documentEvents = groups.map(() => []);
  let versionTotal = 0;
  const { rows: existingFolders } = await ctx.writer.query(
    'select group_id, lower(name) as name from document_folders where parent_id is null',
  );

  for (const group of groups) {
    const count = perGroup[group.index];
    // Folder names are unique among siblings (case-folded), as the app's unique index demands.
    const free = FOLDERS.filter(
      (name) => !existingFolders.some((f) => f.group_id === group.id && f.name === name.toLowerCase()),
    );
    const top = rand.sample(free, Math.max(2, Math.min(free.length, 2 + Math.round(count / 60)))).map((name) => {
      const by = editorAt(rand, group, group.createdAt + 30 * DAY);
      return {
        id: rand.uuid(),
        name,
        parent: null,
        by,
        at: Math.max(by.joinedAt, group.createdAt) + rand.next() * 30 * DAY,
      };
    });
    const nested =
      count > 100
        ? top.slice(0, 2).flatMap((parent) =>
            YEARS.map((year) => ({
              id: rand.uuid(),
              name: year,
              parent,
              by: parent.by,
              at: parent.at + rand.next() * 200 * DAY,
            })),
          )
        : [];
    const groupFolders = [...top, ...nested];
    for (const f of groupFolders)
      folders.push([f.id, group.id, f.parent?.id ?? null, f.name, f.by.person.id, iso(f.at)]);
    const threads = ctx.notify.threads[group.index];

    for (let d = 0; d < count; d++) {
      const id = rand.uuid();
      const createdAt = Math.round(now - 730 * DAY * Math.pow(rand.next(), 1.2) - HOUR);
      const first = objects[pickObject()];
      const base = `${rand.pick(group.theme.documents)}${rand.chance(0.4) ? ` – ${rand.pick(['January', 'March', 'June', 'September', 'November'])} ${rand.pick(YEARS)}` : ''}`;
      const fileName = `${base}.${first.extension}`;
      const history = [];
      let at = createdAt;
      const wanted = rand.chance(0.65) ? 1 : rand.chance(0.7) ? 2 : 3;
      for (let number = 1; number <= wanted; number++) {
        if (number > 1) at += DAY + rand.next() * 60 * DAY;
        if (at > now) break;
        const uploader = editorAt(rand, group, at);
        const previous = history.at(-1);
        if (number === 3 && rand.chance(0.3)) {
          // Made version 1 current again: a new version pointing at the same bytes.
          const restored = history[0];
          history.push({ number, object: restored.object, fileName: restored.fileName, uploader, at, restoredFrom: 1 });
        } else {
          const same = byExtension.get(first.extension).filter((o) => o !== previous?.object);
          const object = number === 1 ? first : rand.pick(same.length ? same : [first]);
          history.push({
            number,
            object,
            fileName:
              number === 1 ? fileName : `${base}${rand.chance(0.5) ? ' (revised)' : ` v${number}`}.${object.extension}`,
            uploader,
            at,
            restoredFrom: null,
          });
        }
      }
      const current = history.at(-1);
      const creator = history[0].uploader;
      const updatedAt = rand.chance(0.2) ? later(current.at, 20 * DAY) : current.at;
      // In the trash for less than the 30 days after which the worker purges it.
      const deletedAt = rand.chance(0.01) ? later(Math.max(updatedAt, now - 20 * DAY), 20 * DAY) : null;
      const folder = rand.chance(0.55) ? rand.pick(groupFolders) : null;
      documents.push([
        id,
        group.id,
        folder?.id ?? null,
        rand.chance(0.8) ? history[0].fileName : base,
        rand.chance(0.6) ? rand.pick(group.theme.sentences) : '',
        pgArray(rand.sample(group.theme.tags, rand.int(0, 3))),
        current.object.contentType,
        current.object.size,
        history.length,
        creator.person.id,
        iso(createdAt),
        iso(updatedAt),
        deletedAt && iso(deletedAt),
        deletedAt ? creator.person.id : null,
        current.object.extractedText,
      ]);
      for (const v of history) {
        versions.push([
          rand.uuid(),
          id,
          v.number,
          v.fileName,
          v.object.storageKey,
          v.object.size,
          v.object.sha256,
          v.object.contentType,
          v.uploader.person.id,
          iso(v.at),
          v.restoredFrom,
        ]);
        // No bell tells of a document now in the trash: members opening it would get the NOT_FOUND
        // the hub rightly answers, and the load would count an error.
        if (deletedAt) continue;
        ctx.documentEvents[group.index].push(
          v.number === 1
            ? {
                key: `document.created:${id}`,
                type: 'document.created',
                ntype: 'DOCUMENT_ADDED',
                at: v.at,
                actor: v.uploader.person,
                subjectId: id,
                payload: { documentId: id, groupId: group.id, uploaderId: v.uploader.person.id },
              }
            : {
                key: `document.versioned:${id}:${v.number}`,
                type: 'document.versioned',
                ntype: 'DOCUMENT_UPDATED',
                at: v.at,
                actor: v.uploader.person,
                subjectId: id,
                payload: {
                  documentId: id,
                  groupId: group.id,
                  uploaderId: v.uploader.person.id,
                  version: v.number,
                  restored: v.restoredFrom !== null,
                },
              },
        );
      }
      versionTotal += history.length;
      // Some documents are linked to a discussion of their group.
      if (threads.length && rand.chance(0.1)) {
        const { thread } = rand.pick(threads);
        const from = Math.max(createdAt, thread.createdAt);
        const linker = editorAt(rand, group, from);
        links.push([id, thread.id, linker.person.id, iso(Math.round(from + rand.next() * (now - from)))]);
      }
    }
  }
  await writer.insert(
    'document_folders',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['parent_id', 'uuid'],
      ['name', 'text'],
      ['created_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    folders,
  );
  await writer.insert(
    'documents',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['folder_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['tags', 'text[]'],
      ['content_type', 'text'],
      ['size', 'bigint'],
      ['version_count', 'int'],
      ['created_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['deleted_at', 'timestamptz'],
      ['deleted_by_id', 'uuid'],
      ['extracted_text', 'text'],
    ],
    documents,
    { chunk: 1000 },
  );
  await writer.insert(
    'document_versions',
    [
      ['id', 'uuid'],
      ['document_id', 'uuid'],
      ['number', 'int'],
      ['file_name', 'text'],
      ['storage_key', 'text'],
      ['size', 'bigint'],
      ['sha256', 'text'],
      ['content_type', 'text'],
      ['uploaded_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['restored_from', 'int'],
    ],
    versions,
  );
  await writer.insert(
    'document_thread_links',
    [
      ['document_id', 'uuid'],
      ['thread_id', 'uuid'],
      ['linked_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    links,
  );
  for (const list of ctx.documentEvents) list.sort((a, b) => a.at - b.at);
  return `${documents.length} documents, ${versionTotal} versions, ${folders.length} folders, ${links.length} links to discussions`;
}

// ── meetings ──

const EVENT_TITLES = [
  'Regional assembly: migrants’ rights in the North',
  'Summit workshop day: planning action together',
  'Open evening: know your rights',
  'Community organisations’ forum',
  'Public meeting: end the hostile environment',
  'Training day for advice volunteers',
  'Women’s leadership open day',
  'Students’ welcome and advice fair',
  'Family reunion campaign launch',
  'Housing justice assembly',
];

/** The deterministic id the worker gives a reminder's outbox event (see MeetingRemindersService). */
function reminderEventId(meetingId, minutes, startsAt) {
  const hex = sha256(`reminder:${meetingId}:${minutes}:${startsAt}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Meetings from a year ago to a year ahead, at plausible local hours in their time zone (mostly
 * London), most one to two hours long, some cancelled, with the members' answers; ten future ones
 * are open events with a registration form and registrations.
 */
async function makeMeetings(ctx) {
  const { rand, now, later, scale, groups, writer, app } = ctx;
  const total = Math.max(groups.length + 10, Math.round(2000 * scale));
  const eventGroups = [...groups].sort((a, b) => b.members.length - a.members.length).slice(0, 5);
  const perGroup = allocate(
    total - 10,
    groups.map((g) => Math.pow(g.members.length, 0.7)),
    0,
  );
  const plan = [
    ...EVENT_TITLES.map((title, i) => ({ group: eventGroups[i % eventGroups.length], event: i + 1, title })),
    ...groups.flatMap((g) => Array.from({ length: perGroup[g.index] }, () => ({ group: g }))),
  ];
  const meetings = [];
  const rsvps = [];
  const forms = [];
  const registrations = [];
  const registrationLinks = [];
  ctx.meetingEvents = groups.map(() => []);
  ctx.events = [];
  let number = 0;

  for (const { group, event, title } of plan) {
    number += 1;
    const id = rand.uuid();
    const zone = rand.chance(0.9) ? 'Europe/London' : rand.pick(['Europe/Paris', 'Europe/Dublin', 'Europe/Berlin']);
    const offset = event ? (20 + rand.next() * 200) * DAY : (rand.next() * 2 - 1) * 365 * DAY;
    const day = app.zoned.toZoned(new Date(now + offset), zone);
    const [hour, minute] = event
      ? rand.pick([
          [10, 0],
          [10, 30],
          [13, 0],
        ])
      : rand.pick([
          [10, 0],
          [11, 0],
          [14, 0],
          [16, 0],
          [18, 0],
          [18, 30],
          [19, 0],
        ]);
    const startsAt = app.zoned
      .fromZoned({ year: day.year, month: day.month, day: day.day, hour, minute }, zone)
      .getTime();
    const x = rand.next();
    const minutes = event
      ? rand.pick([240, 300, 360, 390])
      : x < 0.05
        ? 30
        : x < 0.5
          ? 60
          : x < 0.75
            ? 90
            : x < 0.95
              ? 120
              : rand.pick([180, 240, 360]);
    const endsAt = startsAt + minutes * MINUTE;
    const convenor = group.convenors.filter((c) => c.joinedAt < startsAt - 3 * DAY);
    const creator = (convenor.length ? rand.pick(convenor) : group.convenors[0]).person;
    // Scheduled days to weeks ahead; far-off ones in the last few months.
    const createdAt = Math.round(
      Math.max(
        group.createdAt + DAY,
        Math.min(now - HOUR - rand.next() * 90 * DAY, startsAt - (3 + rand.next() * 57) * DAY),
      ),
    );
    const cancelled = !event && rand.chance(0.05);
    const cancelledAt = cancelled ? Math.round(createdAt + rand.next() * (Math.min(startsAt, now) - createdAt)) : null;
    const edited = !cancelled && rand.chance(0.1);
    const updatedAt = cancelled
      ? cancelledAt
      : edited
        ? Math.round(createdAt + rand.next() * (Math.min(startsAt, now) - createdAt))
        : createdAt;
    const r = rand.next();
    const reminders = r < 0.7 ? [1440, 60] : r < 0.8 ? [10080, 1440] : r < 0.9 ? [60] : r < 0.95 ? [2880, 120] : [];
    const mode = rand.next();
    const online = mode < 0.7 ? `https://meet.example.org/${group.slug}-${number}` : null;
    const location = mode >= 0.4 ? rand.pick(LOCATIONS) : '';
    const past = endsAt < now;
    meetings.push([
      id,
      group.id,
      title ?? rand.pick(group.theme.meetings),
      rand.chance(0.6) ? `${rand.pick(group.theme.sentences)} ${rand.pick(GENERAL)}` : '',
      iso(startsAt),
      iso(endsAt),
      zone,
      location,
      location ? rand.pick(ACCESS_NOTES) : '',
      online,
      cancelled ? 'CANCELLED' : 'SCHEDULED',
      cancelled || edited ? 1 : 0,
      pgArray(reminders),
      rand.chance(0.5) ? '1. Round-up from members\n2. In depth: one topic\n3. Actions and any other business' : '',
      past && !cancelled && rand.chance(0.4)
        ? `Present: ${rand.int(6, 30)} members.\n\n- ${rand.pick(group.theme.sentences)}\n- Actions agreed and shared in the group documents.`
        : '',
      creator.id,
      cancelledAt && iso(cancelledAt),
      cancelled ? rand.pick(CANCEL_REASONS) : '',
      iso(createdAt),
      iso(updatedAt),
    ]);

    // Members answer while the meeting is ahead of them (and before it is cancelled).
    const answerBy = Math.min(now, startsAt, cancelledAt ?? Infinity);
    const answered = new Set();
    const notGoing = [];
    for (
      let i = 0, n = Math.min(event ? 120 : 60, Math.round(group.members.length * (0.05 + rand.next() * 0.25)));
      i < n;
      i++
    ) {
      const m = memberAt(rand, group.members, createdAt);
      if (!m || answered.has(m)) continue;
      answered.add(m);
      const y = rand.next();
      const response = y < 0.6 ? 'GOING' : y < 0.8 ? 'MAYBE' : 'NOT_GOING';
      if (response === 'NOT_GOING') notGoing.push(m.person.id);
      rsvps.push([
        id,
        m.person.id,
        response,
        rand.chance(0.1) ? rand.pick(RSVP_NOTES) : '',
        iso(Math.round(createdAt + rand.next() * (answerBy - createdAt))),
      ]);
    }

    const events = ctx.meetingEvents[group.index];
    events.push({
      key: `meeting.scheduled:${id}`,
      type: 'meeting.scheduled',
      ntype: 'MEETING_SCHEDULED',
      at: createdAt,
      actor: creator,
      subjectId: id,
      payload: { meetingId: id, groupId: group.id, actorId: creator.id, occurrences: 1, fromPoll: false },
    });
    if (cancelled) {
      events.push({
        key: `meeting.cancelled:${id}`,
        type: 'meeting.cancelled',
        ntype: 'MEETING_CANCELLED',
        at: cancelledAt,
        actor: creator,
        subjectId: id,
        payload: {
          meetingId: id,
          groupId: group.id,
          actorId: creator.id,
          occurrences: 1,
          answeredIds: [...answered].map((m) => m.person.id),
        },
      });
    } else {
      for (const before of reminders) {
        const fireAt = startsAt - before * MINUTE;
        if (fireAt > now || fireAt < createdAt) continue;
        events.push({
          id: reminderEventId(id, before, startsAt),
          key: `meeting.reminder:${id}:${before}`,
          type: 'meeting.reminder',
          ntype: 'MEETING_REMINDER',
          at: fireAt,
          actor: null,
          subjectId: id,
          notGoing: new Set(notGoing),
          payload: { meetingId: id, groupId: group.id, minutesBefore: before, notGoingIds: notGoing },
        });
      }
    }

    if (event) {
      const slug = `event-${event}`;
      const capacity = rand.pick([300, 400, 500, 600]);
      const options = rand.sample(
        groups.map((g) => g.name),
        4,
      );
      forms.push([
        id,
        slug,
        true,
        capacity,
        true,
        rand.chance(0.5) ? null : iso(startsAt - DAY),
        false,
        30,
        'We keep your name, email, organisation and answers to run the event, share them with no one, and delete them 30 days after it.',
        JSON.stringify([
          {
            id: 'workshop',
            label: 'Which afternoon workshop would you like to join?',
            kind: 'CHOICE',
            required: true,
            options,
          },
          { id: 'access', label: 'Access or interpretation needs', kind: 'TEXT', required: false, options: [] },
          {
            id: 'photos',
            label: 'I am happy to appear in photos of the day',
            kind: 'CHECKBOX',
            required: false,
            options: [],
          },
        ]),
        '[]',
        iso(createdAt),
        iso(createdAt),
      ]);
      ctx.events.push({ meetingId: id, slug });
      for (let i = 0, n = rand.int(10, 10 + Math.round(50 * Math.min(1, scale * 5))); i < n; i++) {
        const registrationId = rand.uuid();
        const email = `guest-${event}-${i + 1}@example.org`;
        const at = Math.round(createdAt + rand.next() * (now - createdAt));
        const gone = rand.chance(0.1) ? later(at, 10 * DAY) : null;
        const answers = {
          workshop: rand.pick(options),
          photos: rand.chance(0.7),
          ...(rand.chance(0.2) ? { access: rand.pick(RSVP_NOTES) } : {}),
        };
        registrations.push([
          registrationId,
          id,
          `${rand.pick(FIRST_NAMES)} ${rand.pick(LAST_NAMES)}`,
          email,
          email,
          rand.chance(0.6) ? rand.pick(ORGANISATIONS) : '',
          rand.chance(0.1) ? 'ar' : 'en',
          JSON.stringify(answers),
          gone ? 'CANCELLED' : 'CONFIRMED',
          gone && iso(gone),
          iso(at),
          iso(gone ?? at),
        ]);
        // The private link mailed to them (only its hash is stored).
        registrationLinks.push([sha256(rand.bytes(24).toString('base64url')), registrationId, iso(at)]);
        events.push({
          key: `registration.received:${registrationId}`,
          type: 'registration.received',
          ntype: 'EVENT_REGISTRATION',
          at,
          actor: null,
          subjectId: id,
          convenorsOnly: true,
          payload: { registrationId, meetingId: id, groupId: group.id },
        });
      }
    }
  }
  await writer.insert(
    'meetings',
    [
      ['id', 'uuid'],
      ['group_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['time_zone', 'text'],
      ['location', 'text'],
      ['accessibility_notes', 'text'],
      ['online_url', 'text'],
      ['status', 'meeting_status'],
      ['sequence', 'int'],
      ['reminder_minutes', 'int[]'],
      ['agenda_text', 'text'],
      ['minutes_text', 'text'],
      ['created_by_id', 'uuid'],
      ['cancelled_at', 'timestamptz'],
      ['cancellation_reason', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    meetings,
    { chunk: 2000 },
  );
  await writer.insert(
    'meeting_rsvps',
    [
      ['meeting_id', 'uuid'],
      ['user_id', 'uuid'],
      ['response', 'rsvp_response'],
      ['note', 'text'],
      ['updated_at', 'timestamptz'],
    ],
    rsvps,
  );
  await writer.insert(
    'event_forms',
    [
      ['meeting_id', 'uuid'],
      ['slug', 'text'],
      ['is_open', 'boolean'],
      ['capacity', 'int'],
      ['waitlist_enabled', 'boolean'],
      ['deadline', 'timestamptz'],
      ['requires_approval', 'boolean'],
      ['retention_days', 'int'],
      ['consent_text', 'text'],
      ['fields', 'jsonb'],
      ['translations', 'jsonb'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    forms,
  );
  await writer.insert(
    'event_registrations',
    [
      ['id', 'uuid'],
      ['meeting_id', 'uuid'],
      ['name', 'text'],
      ['email', 'text'],
      ['email_key', 'text'],
      ['organisation', 'text'],
      ['locale', 'text'],
      ['answers', 'jsonb'],
      ['status', 'registration_status'],
      ['cancelled_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    registrations,
  );
  await writer.insert(
    'event_registration_links',
    [
      ['token_hash', 'text'],
      ['registration_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    registrationLinks,
  );
  for (const list of ctx.meetingEvents) list.sort((a, b) => a.at - b.at);
  return `${meetings.length} meetings (${ctx.events.length} open events, ${registrations.length} registrations), ${rsvps.length} answers`;
}

// ── notifications ──

/** The email channel each type gets by default (DEFAULT_CHANNELS of its category). */
const EMAIL_BY_TYPE = {
  JOIN_REQUESTED: 'IMMEDIATE',
  MEMBERSHIP_APPROVED: 'IMMEDIATE',
  THREAD_CREATED: 'DIGEST',
  POST_REPLY: 'IMMEDIATE',
  MENTIONED: 'IMMEDIATE',
  POST_HIDDEN: 'IMMEDIATE',
  DOCUMENT_ADDED: 'DIGEST',
  DOCUMENT_UPDATED: 'DIGEST',
  MEETING_SCHEDULED: 'IMMEDIATE',
  MEETING_CANCELLED: 'IMMEDIATE',
  MEETING_REMINDER: 'IMMEDIATE',
  EVENT_REGISTRATION: 'DIGEST',
};

/**
 * Each person's history: about 40 × scale notifications of what happened in their groups (new
 * discussions, documents, meetings, reminders, registrations for convenors) and to them (replies to
 * their posts, mentions, hidden posts, decisions on their requests), numbered 1..n per person, mostly
 * read, emailed as their default channels would have it. Every notification points at the outbox
 * event it came from, stored once and marked published as the relay leaves it.
 */
async function makeNotifications(ctx) {
  const { rand, now, later, people, writer, app } = ctx;
  const { target } = ctx.notify;
  const outbox = new Map();
  const event = (e) => {
    let stored = outbox.get(e.key);
    if (!stored) {
      stored = { id: e.id ?? rand.uuid(), type: e.type, payload: e.payload, at: e.at };
      outbox.set(e.key, stored);
    }
    return stored;
  };
  const rows = [];
  const add = (recipient, e, type, group, actor, subjectId) =>
    rows.push({
      recipient,
      event: event(e),
      type,
      group,
      actor,
      subjectId,
      at: e.at + 200 + Math.floor(rand.next() * 2000),
    });

  // Join requests waiting for an answer reach every active convenor of the group (demo ones too).
  const { rows: convenorRows } = await writer.query(
    `select group_id, user_id from memberships where role = 'CONVENOR' and status = 'ACTIVE'`,
  );
  const recipients = new Map(people.map((p) => [p.id, { id: p.id, timeZone: p.timeZone }]));
  const { rows: demoPeople } = await writer.query(
    `select id, time_zone from users where email not like 'person-%@example.org'`,
  );
  for (const u of demoPeople) recipients.set(u.id, { id: u.id, timeZone: u.time_zone });
  for (const request of ctx.pending) {
    const e = {
      key: `membership.requested:${request.id}`,
      type: 'membership.requested',
      at: request.createdAt,
      payload: { membershipId: request.id, groupId: request.group.id, userId: request.person.id },
    };
    for (const row of convenorRows)
      if (row.group_id === request.group.id)
        add(recipients.get(row.user_id), e, 'JOIN_REQUESTED', request.group, request.person, request.id);
  }

  for (const person of people) {
    const recipient = recipients.get(person.id);
    const wanted = Math.max(1, Math.round(target * (0.6 + 0.8 * rand.next())));
    const chosen = new Set();
    const take = (e, type, group, actor, subjectId) => {
      if (chosen.has(e.key) || chosen.size >= wanted) return;
      chosen.add(e.key);
      add(recipient, e, type, group, actor, subjectId);
    };
    // What happened to them (mentions, replies to their posts, decisions on their requests)…
    const personal = [];
    for (const post of ctx.notify.mentions[person.index]) {
      personal.push([
        {
          key: `post.mentioned:${post.id}`,
          type: 'post.mentioned',
          at: post.at,
          payload: {
            postId: post.id,
            threadId: post.thread.id,
            groupId: post.group.id,
            authorId: post.author.id,
            userIds: post.mentionedIds.filter((id) => id !== post.author.id),
            groupConvenors: false,
          },
        },
        'MENTIONED',
        post.group,
        post.author,
        post.thread.id,
      ]);
    }
    for (const post of ctx.notify.replies[person.index]) {
      personal.push([
        {
          key: `post.replied:${post.id}`,
          type: 'post.replied',
          at: post.at,
          payload: {
            postId: post.id,
            threadId: post.thread.id,
            groupId: post.group.id,
            authorId: post.author.id,
            parentAuthorId: post.parentAuthor.id,
            mentionedIds: post.mentionedIds,
          },
        },
        'POST_REPLY',
        post.group,
        post.author,
        post.thread.id,
      ]);
    }
    for (const membership of person.groups) {
      // Those who joined a reviewing group in the last year were told of the approval.
      const { group } = membership;
      const decider = membership.decidedBy;
      if (decider && membership.decidedAt > now - 365 * DAY) {
        personal.push([
          {
            key: `membership.approved:${membership.membershipId}`,
            type: 'membership.approved',
            at: membership.decidedAt,
            payload: {
              membershipId: membership.membershipId,
              groupId: group.id,
              userId: person.id,
              actorId: decider.id,
            },
          },
          'MEMBERSHIP_APPROVED',
          group,
          decider,
          membership.membershipId,
        ]);
      }
    }
    const mine = rand.sample(personal, Infinity);
    // …mixed with what happened in their groups since they joined, recent things more often.
    for (let tries = 0; chosen.size < wanted && tries < wanted * 8; tries++) {
      if (mine.length && rand.chance(0.35)) {
        take(...mine.pop());
        continue;
      }
      const membership = rand.pick(person.groups);
      const { group } = membership;
      const y = rand.next();
      const source = y < 0.4 ? 'threads' : y < 0.6 ? 'documents' : 'meetings';
      const pool =
        source === 'threads'
          ? ctx.notify.threads[group.index]
          : source === 'documents'
            ? ctx.documentEvents[group.index]
            : ctx.meetingEvents[group.index];
      if (!pool.length) continue;
      const item = pool[pool.length - 1 - Math.floor(pool.length * Math.pow(rand.next(), 2))];
      if (source === 'threads') {
        const { thread, author } = item;
        if (thread.createdAt < membership.joinedAt || author === person || thread.mentionedIds.includes(person.id))
          continue;
        take(
          {
            key: `thread.created:${thread.id}`,
            type: 'thread.created',
            at: thread.createdAt,
            payload: { threadId: thread.id, groupId: group.id, authorId: author.id, mentionedIds: thread.mentionedIds },
          },
          'THREAD_CREATED',
          group,
          author,
          thread.id,
        );
      } else {
        if (
          item.at < membership.joinedAt ||
          item.actor === person ||
          item.notGoing?.has(person.id) ||
          (item.convenorsOnly && membership.role !== 'CONVENOR')
        )
          continue;
        take(item, item.ntype, group, item.actor, item.subjectId);
      }
    }
  }
  for (const post of ctx.notify.hidden) {
    // The author hears of it if they are still a member of the group.
    if (!post.group.members.some((m) => m.person === post.author)) continue;
    add(
      recipients.get(post.author.id),
      {
        key: `post.hidden:${post.id}`,
        type: 'post.hidden',
        at: post.at,
        payload: {
          postId: post.id,
          threadId: post.thread.id,
          groupId: post.group.id,
          actorId: post.actor.id,
          authorId: post.author.id,
        },
      },
      'POST_HIDDEN',
      post.group,
      post.actor,
      post.thread.id,
    );
  }

  // Digests go daily at 08:00 in the person's zone (the default): the slot after a notification is
  // when it was mailed; one still ahead has not been mailed yet.
  const slotsOf = new Map();
  const slotsIn = (timeZone) => {
    let slots = slotsOf.get(timeZone);
    if (!slots) {
      // 08:00 local is UTC 08:00 less the zone's offset that day (at noon: clock changes happen at
      // night), which is much quicker than asking the app's zonedHourToInstant for every day; a few
      // days are asked anyway, to be sure the two agree.
      const format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      const offsetAt = (at) => {
        const p = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
        return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
      };
      slots = [];
      let previous = null;
      for (let day = Math.floor((now - 800 * DAY) / DAY) * DAY, i = 0; day < now + 3 * DAY; day += DAY, i++) {
        const offset = offsetAt(day + 12 * HOUR);
        const slot = day + 8 * HOUR - offset;
        // Checked on the days the clocks change, and every few weeks.
        if (i % 29 === 0 || offset !== previous) {
          const date = new Date(day);
          const expected = app.digests
            .zonedHourToInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 8, timeZone)
            .getTime();
          if (expected !== slot)
            throw new Error(
              `digest slot of ${date.toISOString().slice(0, 10)} in ${timeZone}: ${new Date(slot).toISOString()}, the app says ${new Date(expected).toISOString()}`,
            );
        }
        slots.push(slot);
        previous = offset;
      }
      slotsOf.set(timeZone, slots);
    }
    return slots;
  };
  const slotAfter = (timeZone, at) => slotsIn(timeZone)[countUpTo(slotsIn(timeZone), at)] ?? Infinity;
  const lastSlot = (timeZone) => slotsIn(timeZone)[countUpTo(slotsIn(timeZone), now) - 1];
  const byRecipient = new Map();
  for (const row of rows) {
    if (!byRecipient.has(row.recipient.id)) byRecipient.set(row.recipient.id, []);
    byRecipient.get(row.recipient.id).push(row);
  }
  const { rows: sequences } = await writer.query('select user_id, last_seq from notification_sequences');
  const lastSeq = new Map(sequences.map((s) => [s.user_id, Number(s.last_seq)]));
  const notifications = [];
  const settings = [];
  for (const [recipientId, list] of byRecipient) {
    list.sort((a, b) => a.at - b.at);
    let seq = lastSeq.get(recipientId) ?? 0;
    let digested = false;
    for (const row of list) {
      seq += 1;
      const email = EMAIL_BY_TYPE[row.type];
      const recent = row.at > now - 7 * DAY;
      const readAt = rand.chance(recent ? 0.45 : 0.92) ? later(row.at, 3 * DAY) : null;
      let emailedAt =
        email === 'IMMEDIATE'
          ? row.at + 30_000 + rand.next() * 5000
          : slotAfter(row.recipient.timeZone, row.at) + MINUTE + rand.next() * 3 * MINUTE;
      if (emailedAt > now) emailedAt = null;
      if (email === 'DIGEST' && emailedAt) digested = true;
      notifications.push([
        rand.uuid(),
        recipientId,
        seq,
        row.event.id,
        row.type,
        row.group.id,
        row.actor?.id ?? null,
        row.subjectId,
        iso(row.at),
        readAt && iso(readAt),
        true,
        email,
        emailedAt && iso(emailedAt),
      ]);
    }
    lastSeq.set(recipientId, seq);
    if (digested) {
      // The digest job made the person's settings row and noted its last slot.
      const timeZone = recipients.get(recipientId).timeZone;
      settings.push([recipientId, iso(lastSlot(timeZone)), rand.bytes(32).toString('base64url')]);
    }
  }
  await writer.insert(
    'outbox_events',
    [
      ['id', 'uuid'],
      ['type', 'text'],
      ['payload', 'jsonb'],
      ['created_at', 'timestamptz'],
      ['published_at', 'timestamptz'],
      ['delivered_at', 'timestamptz'],
    ],
    [...outbox.values()].map((e) => {
      const published = e.at + 20 + Math.floor(rand.next() * 200);
      return [
        e.id,
        e.type,
        JSON.stringify(e.payload),
        iso(e.at),
        iso(published),
        iso(published + 30 + Math.floor(rand.next() * 300)),
      ];
    }),
  );
  await writer.insert(
    'notifications',
    [
      ['id', 'uuid'],
      ['recipient_id', 'uuid'],
      ['seq', 'bigint'],
      ['event_id', 'uuid'],
      ['type', 'notification_type'],
      ['group_id', 'uuid'],
      ['actor_id', 'uuid'],
      ['subject_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['read_at', 'timestamptz'],
      ['in_app', 'boolean'],
      ['email', 'email_delivery'],
      ['emailed_at', 'timestamptz'],
    ],
    notifications,
    { chunk: 10_000 },
  );
  await writer.insert(
    'notification_sequences',
    [
      ['user_id', 'uuid'],
      ['last_seq', 'bigint'],
    ],
    [...lastSeq].filter(([id]) => byRecipient.has(id)).map(([id, seq]) => [id, seq]),
    { suffix: 'on conflict (user_id) do update set last_seq = excluded.last_seq' },
  );
  await writer.insert(
    'notification_settings',
    [
      ['user_id', 'uuid'],
      ['last_digest_at', 'timestamptz'],
      ['unsubscribe_key', 'text'],
    ],
    settings,
    { suffix: 'on conflict (user_id) do nothing' },
  );
  const types = {};
  for (const n of notifications) types[n[4]] = (types[n[4]] ?? 0) + 1;
  return `${notifications.length} notifications from ${outbox.size} outbox events (${Object.entries(types)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')})`;
}

// ── the manifest ──

async function manifestOf(ctx) {
  const { db, people, groups } = ctx;
  const count = async (sql) => (await db.query(sql)).rows[0].n;
  const counts = {};
  for (const [name, sql] of Object.entries({
    groups: 'select count(*)::int as n from working_groups',
    people: `select count(*)::int as n from users where email like 'person-%@example.org'`,
    users: 'select count(*)::int as n from users',
    memberships: `select count(*)::int as n from memberships where status = 'ACTIVE'`,
    pendingRequests: `select count(*)::int as n from memberships where status = 'PENDING'`,
    threads: 'select count(*)::int as n from threads',
    posts: 'select count(*)::int as n from posts',
    threadReads: 'select count(*)::int as n from thread_reads',
    threadWatches: 'select count(*)::int as n from thread_notification_preferences',
    reactions: 'select count(*)::int as n from post_reactions',
    postRevisions: 'select count(*)::int as n from post_revisions',
    documents: 'select count(*)::int as n from documents',
    documentVersions: 'select count(*)::int as n from document_versions',
    documentFolders: 'select count(*)::int as n from document_folders',
    meetings: 'select count(*)::int as n from meetings',
    rsvps: 'select count(*)::int as n from meeting_rsvps',
    openEvents: 'select count(*)::int as n from event_forms',
    eventRegistrations: 'select count(*)::int as n from event_registrations',
    notifications: 'select count(*)::int as n from notifications',
    outboxEvents: 'select count(*)::int as n from outbox_events',
  }))
    counts[name] = await count(sql);
  const { rows: forms } = await db.query('select slug from pitch_forms where is_open order by slug');
  return {
    password: ctx.password,
    people: people.map((p) => ({
      id: p.id,
      email: p.email,
      displayName: p.displayName,
      twoFactorSecret: p.twoFactorSecret,
      networkRole: p.networkRole,
      groups: p.groups.map((m) => ({ id: m.group.id, role: m.role })),
      // Groups they have asked to join, waiting for a convenor (asking again is refused).
      pendingGroupIds: p.pendingGroupIds ?? [],
    })),
    // Convenors and members among the generated people (the demo accounts are not in `people`).
    groups: groups.map((g) => ({
      id: g.id,
      slug: g.slug,
      name: g.name,
      joinPolicy: g.joinPolicy,
      contentFree: g.contentFree,
      convenorIds: g.convenors.map((m) => m.person.id),
      activeMemberIds: g.members.map((m) => m.person.id),
    })),
    events: ctx.events,
    pitchForms: forms.map((f) => f.slug),
    counts,
  };
}
