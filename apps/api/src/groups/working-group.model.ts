import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import type { GroupView } from '@convene/server-groups';
import { JoinPolicy, MemberListVisibility } from '../graphql/enums.js';
import { MembershipModel } from './membership.model.js';

@ObjectType('WorkingGroup')
export class WorkingGroupModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String) purpose!: string;
  @Field(() => JoinPolicy) joinPolicy!: JoinPolicy;
  @Field(() => MemberListVisibility) memberListVisibility!: MemberListVisibility;
  @Field(() => Boolean, {
    description: 'Notifications and emails about this group say that something happened, never what.',
  })
  contentFreeNotifications!: boolean;
  @Field(() => Date, {
    nullable: true,
    description:
      'When a network admin archived the group: it can be read, nothing in it can change. Null while it is live.',
  })
  archivedAt!: Date | null;
  @Field(() => MembershipModel, {
    nullable: true,
    description: "The viewer's own membership (pending, invited or active), if any.",
  })
  viewerMembership!: MembershipModel | null;
  @Field(() => Boolean, { description: 'Whether the viewer convenes this group or is a network admin.' })
  viewerCanManage!: boolean;
  @Field(() => Int, { nullable: true, description: 'Active members; null for non-members.' }) memberCount!:
    number | null;

  /** What the viewer may see of the group, for the list fields' resolvers. */
  @HideField() view!: GroupView;

  static from(view: GroupView): WorkingGroupModel {
    const { group } = view;
    return Object.assign(new WorkingGroupModel(), {
      id: group.id,
      slug: group.slug,
      name: group.name,
      purpose: group.purpose,
      joinPolicy: group.joinPolicy,
      memberListVisibility: group.memberListVisibility,
      contentFreeNotifications: group.contentFreeNotifications,
      archivedAt: group.archivedAt,
      viewerMembership: view.viewerMembership ? MembershipModel.from(view.viewerMembership, view.viewerPerson) : null,
      viewerCanManage: view.canManage,
      memberCount: view.memberCount,
      view,
    });
  }
}
