import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditLog, InputCheck, NetworkAdminOnly } from '@convene/server-core';
import { IdentityService } from '@convene/server-identity';
import { GroupsService } from '@convene/server-groups';
import { AuditAction } from '../graphql/enums.js';

@ObjectType('AuditPerson')
class AuditPersonModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'As the account is named now.' }) displayName!: string;
}

@ObjectType('AuditGroup')
class AuditGroupModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType('AuditDetail')
class AuditDetailModel {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType('AuditEvent')
class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => AuditAction) action!: AuditAction;
  @Field(() => AuditPersonModel, { nullable: true, description: 'Who acted.' }) actor!: AuditPersonModel | null;
  @Field(() => AuditPersonModel, { nullable: true, description: 'Whose account it concerns, besides the actor.' })
  subject!: AuditPersonModel | null;
  @Field(() => AuditGroupModel, { nullable: true }) group!: AuditGroupModel | null;
  @Field(() => [AuditDetailModel]) detail!: AuditDetailModel[];
}

@ObjectType('AuditPage')
class AuditPageModel {
  @Field(() => [AuditEventModel]) events!: AuditEventModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `before` for older events; null at the end.' })
  nextCursor!: string | null;
}

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
function decodeCursor(check: InputCheck, cursor: string | null): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id) {
    check.fail('before', 'This cursor is not valid.');
    return null;
  }
  return { createdAt, id: check.uuid('before', id, 'Cursor') };
}

/** The audit log, for network admins: names are looked up in batches for the page shown. */
@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditLog,
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
  ) {}

  @NetworkAdminOnly()
  @Query(() => AuditPageModel, { description: 'Security-relevant actions, newest first (network admins).' })
  async auditLog(
    @Args('action', { type: () => AuditAction, nullable: true }) action: AuditAction | null,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @Args('groupId', { type: () => ID, nullable: true }) groupId: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('before', { type: () => String, nullable: true }) before: string | null,
  ): Promise<AuditPageModel> {
    const check = new InputCheck();
    const query = {
      action,
      userId: userId ? check.uuid('userId', userId, 'Person') : null,
      groupId: groupId ? check.uuid('groupId', groupId, 'Group') : null,
      before: decodeCursor(check, before),
      first: Math.min(Math.max(first, 1), 200),
    };
    check.done();
    const rows = await this.audit.list({ ...query, first: query.first + 1 });
    const page = rows.slice(0, query.first);
    const people = await this.identity.usersByIds([
      ...new Set(page.flatMap((e) => [e.actorId, e.subjectUserId]).filter((id): id is string => !!id)),
    ]);
    const groupNames = await this.groups.namesOf([
      ...new Set(page.map((e) => e.groupId).filter((id): id is string => !!id)),
    ]);
    const person = (id: string | null) =>
      id ? { id, displayName: people.get(id)?.displayName ?? 'Former member' } : null;
    const last = page[page.length - 1];
    return {
      events: page.map((e) => ({
        id: e.id,
        at: e.createdAt,
        action: e.action,
        actor: person(e.actorId),
        subject: person(e.subjectUserId),
        group: e.groupId ? { id: e.groupId, name: groupNames.get(e.groupId) ?? null } : null,
        detail: Object.entries(e.detail ?? {}).map(([key, value]) => ({ key, value: String(value) })),
      })),
      nextCursor: rows.length > query.first && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}
