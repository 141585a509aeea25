// Demo data for a first run on an empty database: the network's working groups, partner
// organisations and a handful of invented people (example.org addresses). Never in production.
import type { EntityManager } from '@mikro-orm/postgresql';
import { JoinPolicy, MemberListVisibility, MembershipRole, MembershipStatus, NetworkRole, SignUpMode } from '@convene/shared-contracts';
import type { AppConfig } from '@convene/server-core';
import { NetworkSettingsEntity, PartnerOrganisationEntity, UserEntity, hashPassword, type PartnerOrganisation, type User } from '@convene/server-identity';
import { MembershipEntity, WorkingGroupEntity, type WorkingGroup } from '@convene/server-groups';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.org', displayName: 'Amara Okafor', role: 'network admin' },
  { email: 'convenor@example.org', displayName: 'Yusuf Haddad', role: 'convenor of Policing and surveillance, Brexit and faith' },
  { email: 'member@example.org', displayName: 'Lucía Moreno', role: 'member of Policing and surveillance, Health and Social Care' },
  { email: 'partner@example.org', displayName: 'Grace Mensah', role: 'partner organisation (Eastside Migrant Hub), member of Brexit and faith' },
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
  { name: 'Eastside Migrant Hub', website: 'https://eastside-hub.example.org' },
  { name: 'Northern Refugee Action', website: 'https://northern-refugee-action.example.org' },
  { name: 'Faith Communities Forum', website: 'https://faith-forum.example.org' },
];

const EXTRA_PEOPLE = [
  { email: 'samira@example.org', displayName: 'Samira Benali', org: 'Northern Refugee Action' },
  { email: 'tomasz@example.org', displayName: 'Tomasz Nowak', org: null },
  { email: 'chidi@example.org', displayName: 'Chidi Eze', org: 'Faith Communities Forum' },
  { email: 'priya@example.org', displayName: 'Priya Raman', org: null },
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

/** Seeds the demo network once: does nothing when any account exists. Returns what it did. */
export async function seedDemoData(em: EntityManager, config: Pick<AppConfig, 'demoPassword'>): Promise<string> {
  if ((await em.count(UserEntity, {})) > 0) return 'demo data not seeded: the database already has accounts';
  const passwordHash = await hashPassword(config.demoPassword);

  const orgs = new Map<string, PartnerOrganisation>();
  for (const org of ORGANISATIONS) orgs.set(org.name, em.create(PartnerOrganisationEntity, org));

  const users = new Map<string, User>();
  const addUser = (email: string, displayName: string, org: string | null, networkRole = NetworkRole.MEMBER) =>
    users.set(email, em.create(UserEntity, { email, displayName, passwordHash, networkRole, organisation: org ? orgs.get(org)! : null }));
  for (const account of DEMO_ACCOUNTS) {
    addUser(
      account.email,
      account.displayName,
      account.email === 'partner@example.org' ? 'Eastside Migrant Hub' : null,
      account.email === 'admin@example.org' ? NetworkRole.ADMIN : NetworkRole.MEMBER,
    );
  }
  for (const person of EXTRA_PEOPLE) addUser(person.email, person.displayName, person.org);

  const groups = new Map<string, WorkingGroup>();
  for (const group of GROUPS) groups.set(group.slug, em.create(WorkingGroupEntity, { ...group }));
  for (const [slug, email, role] of MEMBERSHIPS) {
    em.create(MembershipEntity, { group: groups.get(slug)!, user: users.get(email)!, role, status: MembershipStatus.ACTIVE, decidedAt: new Date() });
  }
  // The demo network lets anyone sign up, so a visitor can try the join flow without an invitation.
  em.create(NetworkSettingsEntity, { id: 1, signUpMode: SignUpMode.OPEN });
  await em.flush();
  return `seeded ${GROUPS.length} working groups, ${ORGANISATIONS.length} partner organisations and ${users.size} people`;
}
