import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  JoinPolicy,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NetworkRole,
} from '@convene/shared-contracts';
import {
  hashPassword,
  newPartnerOrganisation,
  newUser,
  type PartnerOrganisation,
  type User,
} from '@convene/server-identity';
import { newMembership, newWorkingGroup, type Membership, type WorkingGroup } from '@convene/server-groups';
import { TEST_PASSWORD } from './test-environment.js';

let passwordHash: Promise<string> | null = null;
// 48 random bits: the test databases keep every run's people and groups, and 32 bits began to collide.
const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);

/** Factories: every test makes its own people and groups, with unique emails and slugs. */
export class TestData {
  constructor(private readonly em: EntityManager) {}

  async user(
    overrides: Partial<Pick<User, 'email' | 'displayName' | 'networkRole' | 'locale'>> & {
      organisation?: PartnerOrganisation;
    } = {},
  ): Promise<User> {
    const em = this.em.fork();
    const user = newUser(em, {
      email: overrides.email ?? `person-${unique()}@example.org`,
      displayName: overrides.displayName ?? `Person ${unique()}`,
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      networkRole: overrides.networkRole ?? NetworkRole.MEMBER,
      locale: overrides.locale ?? 'en',
      organisation: overrides.organisation ?? null,
    });
    await em.flush();
    return user;
  }

  admin(): Promise<User> {
    return this.user({ networkRole: NetworkRole.ADMIN });
  }

  async organisation(name = `Organisation ${unique()}`): Promise<PartnerOrganisation> {
    const em = this.em.fork();
    const org = newPartnerOrganisation(em, { name });
    await em.flush();
    return org;
  }

  async group(
    overrides: Partial<Pick<WorkingGroup, 'name' | 'purpose' | 'joinPolicy' | 'memberListVisibility'>> = {},
  ): Promise<WorkingGroup> {
    const em = this.em.fork();
    const slug = `group-${unique()}`;
    const group = newWorkingGroup(em, {
      slug,
      name: overrides.name ?? `Group ${slug}`,
      purpose: overrides.purpose ?? 'A working group made for a test.',
      joinPolicy: overrides.joinPolicy ?? JoinPolicy.REQUEST,
      memberListVisibility: overrides.memberListVisibility ?? MemberListVisibility.MEMBERS,
    });
    await em.flush();
    return group;
  }

  async membership(
    group: WorkingGroup,
    user: User,
    role = MembershipRole.MEMBER,
    status = MembershipStatus.ACTIVE,
  ): Promise<Membership> {
    const em = this.em.fork();
    const membership = newMembership(em, { group, user, role, status });
    await em.flush();
    return membership;
  }
}
