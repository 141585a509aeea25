import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AuditAction,
  GROUP_SLUG_PATTERN,
  JoinPolicy,
  LIMITS,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NetworkRole,
} from '@convene/shared-contracts';
import {
  APP_CONFIG,
  AuditLog,
  InputCheck,
  InputError,
  OutboxService,
  forbidden,
  isUuid,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import {
  ElevatedRoles,
  IdentityService,
  InvitationAcceptedListeners,
  User,
  type InvitationAccepted,
  type PersonValues,
} from '@convene/server-identity';
import { MailService } from '@convene/server-mail';
import { WorkingGroup } from './working-group.entity.js';
import { WorkingGroupRepository } from './working-group.repository.js';
import { Membership } from './membership.entity.js';
import { MembershipRepository, type MemberRecord, type MembershipCursor } from './membership.repository.js';
import { groupsErrors } from './groups.errors.js';

/** A group as one viewer sees it: what they may know of it is decided here, not in the UI. */
export interface GroupView {
  group: WorkingGroup;
  /** Its person is a reference (not loaded) when the view was read for a page: see `viewerPerson`. */
  viewerMembership: Membership | null;
  /** The membership's person as plain values, when the view was read for a page. */
  viewerPerson?: PersonValues | null;
  isActiveMember: boolean;
  canManage: boolean;
  /**
   * May add to the group's work (upload and edit documents, make folders): anyone who may act in
   * the group except an observer, who only reads. Callers still check membership where it is needed.
   */
  canContribute: boolean;
  /** Null when the viewer may not know it. */
  memberCount: number | null;
  /** Shared by the views of one list, so their member lists load in one query for all. */
  batch?: GroupBatch;
}

/** The groups of one list answer, and their memberships once loaded (by what was asked). */
class GroupBatch {
  readonly loaded = new Map<string, Promise<Map<string, unknown[]>>>();
  constructor(readonly views: GroupView[]) {}
}

/** The views of one list answer, sharing a batch so that their member lists load together. */
function inOneBatch(views: GroupView[]): GroupView[] {
  const batch = new GroupBatch(views);
  for (const view of views) view.batch = batch;
  return views;
}

/** A page of a group's memberships, and where the next one starts. */
export interface MembershipPage {
  nodes: MemberRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface MembershipPageArgs {
  first?: number | null;
  after?: string | null;
}

/** What other domains may know of any group: it is public within the network. */
export interface GroupReference {
  id: string;
  slug: string;
  name: string;
  /** Notifications about the group say that something happened there, never what. */
  contentFree: boolean;
  /** Archived groups are left out of digests and lists. */
  archived: boolean;
}

/** A group as a link to it shows it. */
export type GroupLink = Pick<GroupReference, 'id' | 'slug' | 'name'>;

export interface GroupInput {
  slug: string;
  name: string;
  purpose: string;
  joinPolicy: JoinPolicy;
  memberListVisibility: MemberListVisibility;
  contentFreeNotifications?: boolean | null;
}

const isAdmin = (viewer: Viewer) => viewer.networkRole === NetworkRole.ADMIN;

/** People on one page of a member list unless the client asks for another number. */
const DEFAULT_MEMBER_PAGE = 50;

/** Cursors are opaque to clients: base64url of the last row's sort key. */
const encodeCursor = (m: MemberRecord) =>
  Buffer.from(JSON.stringify([m.role, m.person.displayName, m.id])).toString('base64url');

function decodeCursor(check: InputCheck, cursor: string | null | undefined): MembershipCursor | null {
  if (!cursor) return null;
  try {
    const [role, displayName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const roles: unknown[] = Object.values(MembershipRole);
    if (roles.includes(role) && typeof displayName === 'string' && typeof id === 'string' && isUuid(id))
      return { role: role as MembershipRole, displayName, id };
  } catch {
    // Falls through to the field message.
  }
  check.fail('after', 'This cursor is not valid; start from the first page.');
  return null;
}

/** A page size within bounds and a cursor, or BAD_USER_INPUT naming the field. */
function checkPageArgs(args: MembershipPageArgs): { first: number; after: MembershipCursor | null } {
  const check = new InputCheck();
  const first = args.first ?? DEFAULT_MEMBER_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.memberPageMax)
    check.fail('first', `Ask for between 1 and ${LIMITS.memberPageMax} people.`);
  const after = decodeCursor(check, args.after);
  check.done();
  return { first, after };
}

@Injectable()
export class GroupsService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: WorkingGroupRepository,
    private readonly memberships: MembershipRepository,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly invitationAccepted: InvitationAcceptedListeners,
    private readonly outbox: OutboxService,
    private readonly audit: AuditLog,
    private readonly elevatedRoles: ElevatedRoles,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.invitationAccepted.register((event) => this.joinOnInvitation(event));
    // Convenors must use two-factor sign-in where it is enforced.
    this.elevatedRoles.register((userId) => this.memberships.convenesAny(userId));
  }

  /** The groups of the directory: archived ones are left out (admins find them in `archivedList`). */
  async list(viewer: Viewer): Promise<GroupView[]> {
    const found = await this.groups.allWithMembership(viewer.userId, { archived: false });
    return inOneBatch(found.map((f) => this.view(viewer, f.group, f.membership, f.activeCount, f.person)));
  }

  /** Archived groups, by name, for the network admins who may restore them. */
  async archivedList(viewer: Viewer): Promise<GroupView[]> {
    if (!isAdmin(viewer)) throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can see archived groups.');
    const found = await this.groups.allWithMembership(viewer.userId, { archived: true });
    return inOneBatch(found.map((f) => this.view(viewer, f.group, f.membership, f.activeCount, f.person)));
  }

  /**
   * Refuses any change to an archived group — its work, its people, its settings — with
   * GROUP_ARCHIVED; reading goes on. Every write path of every domain asks here, with the view it
   * checked access on, so that the rule lives in one place.
   */
  assertWritable(view: GroupView): GroupView {
    if (view.group.archivedAt) throw groupsErrors.groupArchived();
    return view;
  }

  /** `byId` for a change: GROUP_ARCHIVED when the group is archived. */
  async writableById(viewer: Viewer, id: string): Promise<GroupView> {
    return this.assertWritable(await this.byId(viewer, id));
  }

  /** Network admins archive a group: it leaves lists, reminders and digests, and takes no more changes. */
  async archive(viewer: Viewer, groupId: string): Promise<GroupView> {
    return this.setArchived(viewer, groupId, true);
  }

  /** Network admins restore an archived group: everything it had is as it was. */
  async restore(viewer: Viewer, groupId: string): Promise<GroupView> {
    return this.setArchived(viewer, groupId, false);
  }

  private async setArchived(viewer: Viewer, groupId: string, archived: boolean): Promise<GroupView> {
    if (!isAdmin(viewer))
      throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can archive or restore working groups.');
    if (!isUuid(groupId)) throw groupsErrors.groupNotFound();
    await this.em.transactional(async (em) => {
      const group = await em.getRepository(WorkingGroup).findForUpdate(groupId);
      if (!group) throw groupsErrors.groupNotFound();
      // Archiving an archived group (or restoring a live one) changes nothing and is not recorded.
      if (!!group.archivedAt === archived) return;
      group.archivedAt = archived ? new Date() : null;
      group.archivedBy = archived ? em.getReference(User, viewer.userId, { wrapped: true }) : null;
      group.updatedAt = new Date();
      this.audit.record(em, {
        action: archived ? AuditAction.GROUP_ARCHIVED : AuditAction.GROUP_RESTORED,
        actorId: viewer.userId,
        groupId: group.id,
      });
    });
    return this.byId(viewer, groupId);
  }

  async bySlug(viewer: Viewer, slug: string): Promise<GroupView> {
    const wanted = typeof slug === 'string' ? slug.trim().toLowerCase() : '';
    const found =
      wanted.length <= LIMITS.groupSlugMax && GROUP_SLUG_PATTERN.test(wanted)
        ? await this.groups.withMembership({ slug: wanted }, viewer.userId)
        : null;
    if (!found) throw groupsErrors.groupNotFound();
    return this.view(viewer, found.group, found.membership, found.activeCount, found.person);
  }

  async byId(viewer: Viewer, id: string): Promise<GroupView> {
    const found = isUuid(id) ? await this.groups.withMembership({ id }, viewer.userId) : null;
    if (!found) throw groupsErrors.groupNotFound();
    return this.view(viewer, found.group, found.membership, found.activeCount, found.person);
  }

  /**
   * Several groups as the viewer sees them, in three queries whatever their number (for a page
   * whose items belong to different groups); unknown ids are left out.
   */
  async viewsByIds(viewer: Viewer, ids: string[]): Promise<Map<string, GroupView>> {
    const wanted = [...new Set(ids)].filter(isUuid);
    if (!wanted.length) return new Map();
    const found = await this.groups.withMembershipIn(wanted, viewer.userId);
    const views = inOneBatch(found.map((f) => this.view(viewer, f.group, f.membership, f.activeCount, f.person)));
    return new Map(views.map((v) => [v.group.id, v]));
  }

  /** Ids of the active convenors of several groups, in one query. */
  convenorIdsIn(groupIds: string[]): Promise<Map<string, string[]>> {
    return this.memberships.convenorIdsInGroups(groupIds);
  }

  /** Ids of a group's active convenors (for the worker: its own unit of work). */
  async convenorIds(groupId: string): Promise<string[]> {
    return this.em.fork().getRepository(Membership).convenorIdsOf(groupId);
  }

  /** Ids of a group's active members (for the worker: its own unit of work). */
  async activeMemberIds(groupId: string): Promise<string[]> {
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<{ user_id: string }[]>('select user_id from memberships where group_id = ? and status = ?', [
        groupId,
        MembershipStatus.ACTIVE,
      ]);
    return rows.map((row) => row.user_id);
  }

  /**
   * Which of these people the viewer may know of through the groups, and in which groups: as
   * those groups' member lists show them (see `maySeeMemberList`); every group for network
   * admins, and the viewer always sees themself. A person absent from the answer is hidden.
   */
  async visibleGroupsOf(viewer: Viewer, userIds: string[]): Promise<Map<string, GroupLink[]>> {
    const wanted = [...new Set(userIds)].filter(isUuid);
    const rows = await this.memberships.visibleGroupsOf(viewer.userId, isAdmin(viewer), wanted);
    const seen = new Map<string, GroupLink[]>();
    if (isAdmin(viewer)) for (const id of wanted) seen.set(id, []);
    if (wanted.includes(viewer.userId)) seen.set(viewer.userId, []);
    for (const row of rows) {
      const groups = seen.get(row.userId) ?? [];
      groups.push({ id: row.groupId, slug: row.slug, name: row.name });
      seen.set(row.userId, groups);
    }
    return seen;
  }

  /** The groups people outside the network may be told of (not invite-only ones), by name: e.g. those a public pitch form offers. */
  async publicReferences(): Promise<GroupReference[]> {
    const groups = await this.em
      .fork()
      .find(
        WorkingGroup,
        { joinPolicy: { $ne: JoinPolicy.INVITE_ONLY }, archivedAt: null },
        { fields: ['id', 'slug', 'name', 'contentFreeNotifications'], orderBy: { name: 'asc' } },
      );
    return groups.map((g) => ({
      id: g.id,
      slug: g.slug,
      name: g.name,
      contentFree: g.contentFreeNotifications,
      archived: false,
    }));
  }

  /** Groups' public id, address and name, in one query (names and purposes are public in the network). */
  async referencesByIds(ids: string[]): Promise<Map<string, GroupReference>> {
    if (!ids.length) return new Map();
    const wanted = [...new Set(ids)].filter(isUuid);
    if (!wanted.length) return new Map();
    const groups = await this.em
      .getConnection()
      .execute<{ id: string; slug: string; name: string; content_free: boolean; archived: boolean }[]>(
        `select id, slug, name, content_free_notifications as content_free, archived_at is not null as archived from working_groups where id in (${wanted.map(() => '?').join(', ')})`,
        wanted,
      );
    return new Map(
      groups.map((g) => [
        g.id,
        { id: g.id, slug: g.slug, name: g.name, contentFree: g.content_free, archived: g.archived },
      ]),
    );
  }

  /** The note someone left with their join request, while it is still pending; for the convenors' email. */
  async joinRequestNote(membershipId: string): Promise<string | null> {
    const membership = await this.em
      .fork()
      .findOne(Membership, { id: membershipId, status: MembershipStatus.PENDING }, { fields: ['message'] });
    return membership?.message ?? null;
  }

  /**
   * The ids of the groups a person is an active member of, for their notification settings,
   * searches and calendar feeds: archived groups are left out.
   */
  async activeGroupIdsOf(userId: string): Promise<string[]> {
    const rows = await this.em
      .fork()
      .find(
        Membership,
        { user: userId, status: MembershipStatus.ACTIVE, group: { archivedAt: null } },
        { fields: ['group'] },
      );
    return rows.map((m) => m.group.id);
  }

  /** Whether a group is archived (for the worker: its own unit of work); false when it no longer exists. */
  async isArchived(groupId: string): Promise<boolean> {
    const group = await this.em.fork().findOne(WorkingGroup, { id: groupId }, { fields: ['archivedAt'] });
    return !!group?.archivedAt;
  }

  /** A group's public name, e.g. for an invitation page; null when it no longer exists. */
  async nameOf(groupId: string): Promise<string | null> {
    const group = isUuid(groupId) ? await this.groups.findOne({ id: groupId }, { fields: ['name'] }) : null;
    return group?.name ?? null;
  }

  /** Group names by id, in one query (for lists such as the audit log). */
  async namesOf(groupIds: string[]): Promise<Map<string, string>> {
    if (!groupIds.length) return new Map();
    const groups = await this.em.fork().find(WorkingGroup, { id: { $in: groupIds } }, { fields: ['name'] });
    return new Map(groups.map((g) => [g.id, g.name]));
  }

  /** A page of active members, convenors first, then by name; only for those allowed to see the list. */
  async members(view: GroupView, args: MembershipPageArgs = {}): Promise<MembershipPage | null> {
    const page = checkPageArgs(args);
    if (!this.maySeeMemberList(view)) return null;
    return this.pageOf(view, MembershipStatus.ACTIVE, page, (v) => this.maySeeMemberList(v));
  }

  async convenors(view: GroupView): Promise<Membership[] | null> {
    if (!view.isActiveMember && !view.canManage) return null;
    return this.membershipsOf(view, MembershipStatus.ACTIVE, MembershipRole.CONVENOR);
  }

  /**
   * The people a member may @mention in a group: the members they can see (everyone, or only the
   * convenors where the member list is for convenors). Null outside the group.
   */
  async mentionable(view: GroupView): Promise<{ id: string; displayName: string }[] | null> {
    if (!view.isActiveMember) return null;
    return this.memberships.namesInGroup(view.group.id, !this.maySeeMemberList(view));
  }

  /** A page of join requests waiting for a decision, by name; only for the group's managers. */
  async pendingRequests(view: GroupView, args: MembershipPageArgs = {}): Promise<MembershipPage | null> {
    const page = checkPageArgs(args);
    if (!view.canManage) return null;
    return this.pageOf(view, MembershipStatus.PENDING, page, (v) => v.canManage);
  }

  /**
   * A group's memberships in a status (and role). For a group from a list, every group of that
   * list the viewer may look inside is loaded in the same query (no query per group).
   */
  private async membershipsOf(view: GroupView, status: MembershipStatus, role?: MembershipRole): Promise<Membership[]> {
    const load = (ids: string[]) => this.memberships.listInGroups(ids, status, role);
    return (
      (await this.inBatch(view, `all:${status}:${role ?? ''}`, (v) => v.isActiveMember || v.canManage, load)).get(
        view.group.id,
      ) ?? []
    );
  }

  /** One page of a group's memberships in a status; for a list's groups, every page in one go. */
  private async pageOf(
    view: GroupView,
    status: MembershipStatus,
    page: { first: number; after: MembershipCursor | null },
    visible: (v: GroupView) => boolean,
  ): Promise<MembershipPage> {
    const load = (ids: string[]) => this.memberships.pageInGroups(ids, status, page.first + 1, page.after);
    const key = `page:${status}:${page.first}:${page.after ? JSON.stringify(page.after) : ''}`;
    const rows = (await this.inBatch(view, key, visible, load)).get(view.group.id) ?? [];
    const nodes = rows.slice(0, page.first);
    const last = nodes.at(-1);
    return { nodes, hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor(last) : null };
  }

  /**
   * What `load` gives for the view's group: alone, or (for a group from a list) loaded once for
   * every group of the list that `visible` lets the viewer look inside.
   */
  private inBatch<T>(
    view: GroupView,
    key: string,
    visible: (v: GroupView) => boolean,
    load: (groupIds: string[]) => Promise<Map<string, T[]>>,
  ): Promise<Map<string, T[]>> {
    const batch = view.batch;
    if (!batch) return load([view.group.id]);
    let loaded = batch.loaded.get(key) as Promise<Map<string, T[]>> | undefined;
    if (!loaded) {
      loaded = load(batch.views.filter(visible).map((v) => v.group.id));
      batch.loaded.set(key, loaded);
    }
    return loaded;
  }

  async create(viewer: Viewer, input: GroupInput): Promise<GroupView> {
    if (!isAdmin(viewer)) throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can create working groups.');
    const values = this.checkGroupInput(input, true);
    if (await this.groups.findOne({ slug: values.slug }))
      throw new InputError({ slug: 'This address is already used by another group.' }, 'SLUG_TAKEN');
    const group = this.em.create(WorkingGroup, values);
    // The admin who creates a group convenes it until they hand it on: a group always has a convenor.
    const membership = this.em.create(Membership, {
      group,
      user: this.em.getReference(User, viewer.userId, { wrapped: true }),
      role: MembershipRole.CONVENOR,
      status: MembershipStatus.ACTIVE,
      decidedAt: new Date(),
    });
    this.audit.record(this.em, { action: AuditAction.GROUP_CREATED, actorId: viewer.userId, groupId: group.id });
    await this.flushUniqueSlug();
    return this.view(viewer, group, await this.withPerson(membership), 1);
  }

  async update(viewer: Viewer, input: Partial<GroupInput> & { id: string }): Promise<GroupView> {
    if (!isAdmin(viewer)) throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can edit working groups.');
    const view = await this.writableById(viewer, input.id);
    const values = this.checkGroupInput({ ...view.group, ...stripUndefined(input) }, false);
    Object.assign(view.group, {
      name: values.name,
      purpose: values.purpose,
      joinPolicy: values.joinPolicy,
      memberListVisibility: values.memberListVisibility,
      contentFreeNotifications: values.contentFreeNotifications ?? false,
      updatedAt: new Date(),
    });
    this.audit.record(this.em, {
      action: AuditAction.GROUP_SETTINGS_CHANGED,
      actorId: viewer.userId,
      groupId: view.group.id,
      detail: {
        joinPolicy: values.joinPolicy,
        memberListVisibility: values.memberListVisibility,
        contentFree: values.contentFreeNotifications ?? false,
      },
    });
    await this.em.flush();
    return view;
  }

  /** OPEN groups admit at once, REQUEST groups record a pending request; an invitation is accepted. */
  async requestToJoin(viewer: Viewer, input: { groupId: string; message?: string | null }): Promise<Membership> {
    const check = new InputCheck();
    const message = check.text('message', input.message, {
      required: false,
      max: LIMITS.joinMessageMax,
      label: 'Message',
    });
    check.done();
    const view = await this.writableById(viewer, input.groupId);
    const existing = view.viewerMembership;
    if (existing?.status === MembershipStatus.ACTIVE) throw groupsErrors.alreadyMember();
    if (existing?.status === MembershipStatus.PENDING) throw groupsErrors.alreadyRequested();
    if (existing?.status === MembershipStatus.INVITED)
      return this.respondToInvitation(viewer, view.group.id, true) as Promise<Membership>;
    if (view.group.joinPolicy === JoinPolicy.INVITE_ONLY) throw groupsErrors.inviteOnly();

    const open = view.group.joinPolicy === JoinPolicy.OPEN;
    const membership: Membership = this.em.create(Membership, {
      group: view.group,
      user: this.em.getReference(User, viewer.userId, { wrapped: true }),
      role: MembershipRole.MEMBER,
      status: open ? MembershipStatus.ACTIVE : MembershipStatus.PENDING,
      message: message || null,
      decidedAt: open ? new Date() : null,
    });
    const events = open
      ? []
      : [
          this.outbox.record('membership.requested', {
            membershipId: membership.id,
            groupId: view.group.id,
            userId: viewer.userId,
          }),
        ];
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw groupsErrors.alreadyRequested();
      throw error;
    }
    // The convenors hear of it through their notifications (and email, as they choose).
    await this.outbox.publish(events);
    return this.withPerson(membership);
  }

  /** Convenors invite by email: people with an account get an invited membership, others an invitation to sign up. */
  async inviteMember(
    viewer: Viewer,
    input: { groupId: string; email: string; role?: MembershipRole | null },
  ): Promise<{ email: string }> {
    const check = new InputCheck();
    const email = check.email('email', input.email);
    const role = check.oneOf('role', input.role ?? MembershipRole.MEMBER, Object.values(MembershipRole), 'Role');
    check.done();
    const view = await this.writableById(viewer, input.groupId);
    if (!view.canManage) throw groupsErrors.notAConvenor();
    const inviter = await this.identity.me(viewer);
    const [user] = [...(await this.identity.usersByEmail([email])).values()];
    const events: ReturnType<OutboxService['record']>[] = [];
    // Someone without an account gets an invitation mail; someone with one, a notification.
    const mail = await this.em.transactional(async (em) => {
      const group = await this.lockGroupAsManager(em, viewer, view.group.id);
      this.audit.record(em, {
        action: AuditAction.MEMBER_INVITED,
        actorId: viewer.userId,
        subjectUserId: user?.id ?? null,
        groupId: group.id,
        detail: { role, hasAccount: !!user },
      });
      if (!user) {
        const { token } = await this.identity.createInvitation(viewer, email, { id: group.id, role });
        return this.mail.prepare(
          'group-invitation',
          { email, locale: inviter.locale },
          { inviterName: inviter.displayName, groupName: group.name, link: this.identity.invitationLink(token) },
        );
      }
      const existing = await em
        .getRepository(Membership)
        .findOne({ group: group.id, user: user.id }, { refresh: true });
      if (existing?.status === MembershipStatus.ACTIVE)
        throw new InputError({ email: 'This person is already a member of the group.' }, 'ALREADY_MEMBER');
      let invited: Membership;
      if (existing) {
        // A pending request becomes an invitation: accepting it makes them a member.
        existing.status = MembershipStatus.INVITED;
        existing.role = role;
        invited = existing;
      } else {
        invited = em.create(Membership, {
          group,
          user: em.getReference(User, user.id, { wrapped: true }),
          role,
          status: MembershipStatus.INVITED,
        });
      }
      events.push(
        this.outbox.record('membership.invited', {
          membershipId: invited.id,
          groupId: group.id,
          userId: user.id,
          actorId: viewer.userId,
        }),
      );
      return null;
    });
    await this.outbox.publish(events);
    if (mail) await this.mail.dispatch([mail]);
    return { email };
  }

  /** The invited person accepts (becomes active in the invited role) or declines (the invitation goes). */
  async respondToInvitation(viewer: Viewer, groupId: string, accept: boolean): Promise<Membership | null> {
    const view = await this.writableById(viewer, groupId);
    const membership = view.viewerMembership;
    if (!membership || membership.status !== MembershipStatus.INVITED) throw groupsErrors.notInvited();
    if (accept) {
      membership.status = MembershipStatus.ACTIVE;
      membership.decidedAt = new Date();
    } else {
      this.em.remove(membership);
    }
    await this.em.flush();
    if (accept && membership.role === MembershipRole.CONVENOR) await this.elevatedRoles.changed([viewer.userId]);
    return accept ? this.withPerson(membership) : null;
  }

  async decideMembership(viewer: Viewer, input: { membershipId: string; approve: boolean }): Promise<Membership> {
    const { membership, event } = await this.withGroupLock(viewer, input.membershipId, async (em, membership) => {
      // Re-checked under the group lock: two convenors deciding at once get one decision.
      if (membership.status !== MembershipStatus.PENDING) throw groupsErrors.notPending();
      const group = membership.group.getEntity();
      const person = membership.user.getEntity();
      membership.decidedAt = new Date();
      membership.decidedBy = em.getReference(User, viewer.userId, { wrapped: true });
      this.audit.record(em, {
        action: input.approve ? AuditAction.MEMBERSHIP_APPROVED : AuditAction.MEMBERSHIP_DECLINED,
        actorId: viewer.userId,
        subjectUserId: person.id,
        groupId: group.id,
      });
      if (input.approve) {
        membership.status = MembershipStatus.ACTIVE;
        membership.message = null;
        return {
          membership,
          event: this.outbox.record('membership.approved', {
            membershipId: membership.id,
            groupId: group.id,
            userId: person.id,
            actorId: viewer.userId,
          }),
        };
      }
      em.remove(membership);
      return {
        membership,
        event: this.outbox.record('membership.declined', {
          groupId: group.id,
          userId: person.id,
          actorId: viewer.userId,
        }),
      };
    });
    await this.outbox.publish([event]);
    if (input.approve) await this.em.populate(membership, ['user.organisation']);
    return membership;
  }

  async setMemberRole(viewer: Viewer, input: { membershipId: string; role: MembershipRole }): Promise<Membership> {
    const check = new InputCheck();
    const role = check.oneOf('role', input.role, Object.values(MembershipRole), 'Role');
    check.done();
    const { membership, event } = await this.withGroupLock(viewer, input.membershipId, async (em, membership) => {
      if (membership.status !== MembershipStatus.ACTIVE) throw groupsErrors.membershipNotFound();
      if (membership.role === MembershipRole.CONVENOR && role !== MembershipRole.CONVENOR)
        await this.assertNotLastConvenor(em, membership);
      const changed = membership.role !== role;
      if (changed) {
        this.audit.record(em, {
          action: AuditAction.MEMBER_ROLE_CHANGED,
          actorId: viewer.userId,
          subjectUserId: membership.user.id,
          groupId: membership.group.id,
          detail: { from: membership.role, to: role },
        });
      }
      membership.role = role;
      await em.populate(membership, ['user.organisation']);
      const event = changed
        ? this.outbox.record('membership.role-changed', {
            membershipId: membership.id,
            groupId: membership.group.id,
            userId: membership.user.id,
            actorId: viewer.userId,
            role,
          })
        : null;
      return { membership, event };
    });
    if (event) {
      await this.outbox.publish([event]);
      // Becoming a convenor (or ceasing to be) changes whether two-factor sign-in is required.
      await this.elevatedRoles.changed([membership.user.id]);
    }
    return membership;
  }

  async removeMember(viewer: Viewer, membershipId: string): Promise<void> {
    await this.withGroupLock(viewer, membershipId, async (em, membership) => {
      if (membership.status === MembershipStatus.ACTIVE && membership.role === MembershipRole.CONVENOR)
        await this.assertNotLastConvenor(em, membership);
      this.audit.record(em, {
        action: AuditAction.MEMBER_REMOVED,
        actorId: viewer.userId,
        subjectUserId: membership.user.id,
        groupId: membership.group.id,
        detail: { role: membership.role, status: membership.status },
      });
      em.remove(membership);
    });
  }

  /** Leaving also withdraws a pending request or declines an invitation. */
  async leave(viewer: Viewer, groupId: string): Promise<void> {
    if (!isUuid(groupId)) throw groupsErrors.groupNotFound();
    await this.em.transactional(async (em) => {
      const group = await em.getRepository(WorkingGroup).findForUpdate(groupId);
      if (!group) throw groupsErrors.groupNotFound();
      if (group.archivedAt) throw groupsErrors.groupArchived();
      const membership = await em.getRepository(Membership).findOne({ group: group.id, user: viewer.userId });
      if (!membership) throw groupsErrors.membershipNotFound();
      if (membership.status === MembershipStatus.ACTIVE && membership.role === MembershipRole.CONVENOR)
        await this.assertNotLastConvenor(em, membership);
      this.audit.record(em, {
        action: AuditAction.MEMBER_REMOVED,
        actorId: viewer.userId,
        subjectUserId: membership.user.id,
        groupId: membership.group.id,
        detail: { role: membership.role, status: membership.status },
      });
      em.remove(membership);
    });
  }

  /** Loads the person (and their organisation) a membership is about, for display. */
  private async withPerson(membership: Membership): Promise<Membership> {
    await this.em.populate(membership, ['user.organisation']);
    return membership;
  }

  private async viewOf(viewer: Viewer, group: WorkingGroup): Promise<GroupView> {
    const found = await this.groups.withMembership({ id: group.id }, viewer.userId);
    return this.view(viewer, group, found?.membership ?? null, found?.activeCount ?? 0, found?.person ?? null);
  }

  private view(
    viewer: Viewer,
    group: WorkingGroup,
    membership: Membership | null,
    count: number,
    person?: PersonValues | null,
  ): GroupView {
    const isActiveMember = membership?.status === MembershipStatus.ACTIVE;
    const canManage = isAdmin(viewer) || (isActiveMember && membership?.role === MembershipRole.CONVENOR);
    const canContribute = (isActiveMember || canManage) && membership?.role !== MembershipRole.OBSERVER;
    return {
      group,
      viewerMembership: membership,
      viewerPerson: person,
      isActiveMember,
      canManage,
      canContribute,
      memberCount: isActiveMember || canManage ? count : null,
    };
  }

  /** Whether the viewer may know who is in the group (other domains ask before listing people). */
  maySeeMemberList(view: GroupView): boolean {
    if (view.canManage) return true;
    return view.isActiveMember && view.group.memberListVisibility === MemberListVisibility.MEMBERS;
  }

  /** Loads a membership whose group the viewer manages. Non-managers learn nothing about it. */
  private async managedMembership(viewer: Viewer, membershipId: string): Promise<Membership> {
    const membership = isUuid(membershipId) ? await this.memberships.findWithGroup(membershipId) : null;
    if (!membership) throw groupsErrors.membershipNotFound();
    const view = await this.viewOf(viewer, membership.group.getEntity());
    if (!view.canManage) throw view.isActiveMember ? groupsErrors.notAConvenor() : groupsErrors.membershipNotFound();
    return membership;
  }

  /** Runs a membership change for a manager of the group, with the group row locked. */
  private async withGroupLock<T>(
    viewer: Viewer,
    membershipId: string,
    change: (em: EntityManager, membership: Membership) => Promise<T>,
  ): Promise<T> {
    const found = await this.managedMembership(viewer, membershipId);
    return this.em.transactional(async (em) => {
      await this.lockGroupAsManager(em, viewer, found.group.id);
      const membership = await em
        .getRepository(Membership)
        .findOne({ id: found.id }, { populate: ['user', 'group'], refresh: true });
      if (!membership) throw groupsErrors.membershipNotFound();
      return change(em, membership);
    });
  }

  /**
   * Locks the group row, then checks again that it takes changes and that the viewer manages it
   * (they may have been demoted meanwhile).
   */
  private async lockGroupAsManager(em: EntityManager, viewer: Viewer, groupId: string): Promise<WorkingGroup> {
    const group = await em.getRepository(WorkingGroup).findForUpdate(groupId);
    if (!group) throw groupsErrors.groupNotFound();
    if (group.archivedAt) throw groupsErrors.groupArchived();
    if (isAdmin(viewer)) return group;
    const own = await em.getRepository(Membership).findOne({ group: groupId, user: viewer.userId }, { refresh: true });
    if (own?.status !== MembershipStatus.ACTIVE || own.role !== MembershipRole.CONVENOR)
      throw groupsErrors.notAConvenor();
    return group;
  }

  private async assertNotLastConvenor(em: EntityManager, membership: Membership): Promise<void> {
    const convenors = await em.getRepository(Membership).countConvenors(membership.group.id);
    if (convenors <= 1) throw groupsErrors.lastConvenor();
  }

  private async joinOnInvitation(event: InvitationAccepted): Promise<void> {
    if (!event.groupId) return;
    const group = await event.em.findOne(WorkingGroup, { id: event.groupId });
    // The group was deleted or archived since: the account is still made, without the membership.
    if (!group || group.archivedAt) return;
    event.em.create(Membership, {
      group,
      user: event.em.getReference(User, event.userId, { wrapped: true }),
      role: event.groupRole ?? MembershipRole.MEMBER,
      // The link they signed up with makes them a member; other groups' invitations wait for them.
      status: event.viaThisLink ? MembershipStatus.ACTIVE : MembershipStatus.INVITED,
      decidedAt: event.viaThisLink ? new Date() : null,
    });
  }

  private checkGroupInput(input: GroupInput, isNew: boolean): GroupInput {
    const check = new InputCheck();
    const slug = isNew
      ? check.text('slug', input.slug?.toLowerCase(), {
          min: LIMITS.groupSlugMin,
          max: LIMITS.groupSlugMax,
          label: 'Address',
        })
      : input.slug;
    if (isNew && slug && !GROUP_SLUG_PATTERN.test(slug))
      check.fail('slug', 'Use lower-case letters, digits and single hyphens, like health-and-care.');
    const name = check.text('name', input.name, { max: LIMITS.groupNameMax, label: 'Name' });
    const purpose = check.text('purpose', input.purpose, { max: LIMITS.groupPurposeMax, label: 'Purpose' });
    const joinPolicy = check.oneOf('joinPolicy', input.joinPolicy, Object.values(JoinPolicy), 'Join policy');
    const memberListVisibility = check.oneOf(
      'memberListVisibility',
      input.memberListVisibility,
      Object.values(MemberListVisibility),
      'Member list visibility',
    );
    const contentFreeNotifications = input.contentFreeNotifications ?? false;
    if (typeof contentFreeNotifications !== 'boolean') check.fail('contentFreeNotifications', 'Say yes or no.');
    check.done();
    return { slug, name, purpose, joinPolicy, memberListVisibility, contentFreeNotifications };
  }

  private async flushUniqueSlug(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new InputError({ slug: 'This address is already used by another group.' }, 'SLUG_TAKEN');
      throw error;
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
