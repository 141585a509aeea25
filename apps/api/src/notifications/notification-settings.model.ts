import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DigestFrequency,
  EmailDelivery,
  GroupNotificationLevel,
  NotificationCategory,
} from '@convene/shared-contracts';
import type { SettingsView } from '@convene/server-notifications';
import { GroupReferenceModel } from './notification.model.js';

registerEnumType(NotificationCategory, {
  name: 'NotificationCategory',
  valuesMap: {
    JOIN_REQUESTS: { description: "Join requests waiting for a convenor's decision." },
    MEMBERSHIP: { description: 'Your own memberships: invitations, decisions on your requests, role changes.' },
  },
});
registerEnumType(EmailDelivery, { name: 'EmailDelivery' });
registerEnumType(GroupNotificationLevel, {
  name: 'GroupNotificationLevel',
  valuesMap: {
    ALL: { description: 'Everything that happens in the group.' },
    INVOLVING_ME: { description: 'Only what is addressed to me or about me.' },
    MUTED: { description: 'Nothing from this group.' },
  },
});
registerEnumType(DigestFrequency, { name: 'DigestFrequency' });

@ObjectType('ChannelPreference')
export class ChannelPreferenceModel {
  @Field(() => NotificationCategory) category!: NotificationCategory;
  @Field(() => Boolean, { description: 'Shown in the app: the bell, the notification centre and toasts.' })
  inApp!: boolean;
  @Field(() => EmailDelivery) email!: EmailDelivery;
  @Field(() => Boolean, { description: 'Pushed to the devices where the viewer turned notifications on.' })
  push!: boolean;
}

@ObjectType('GroupNotificationPreference')
export class GroupNotificationPreferenceModel {
  @Field(() => GroupReferenceModel) group!: GroupReferenceModel;
  @Field(() => GroupNotificationLevel) level!: GroupNotificationLevel;
}

@ObjectType('NotificationSettings')
export class NotificationSettingsModel {
  @Field(() => Boolean, {
    description: 'Notifications and emails say that something happened and where, never who or what.',
  })
  contentFree!: boolean;
  @Field(() => DigestFrequency) digestFrequency!: DigestFrequency;
  @Field(() => Int, { description: "Local hour (0–23) in the person's time zone when the digest is sent." })
  digestHour!: number;
  @Field(() => Int, { description: 'For weekly digests: 1 = Monday … 7 = Sunday.' }) digestWeekday!: number;
  @Field(() => [ChannelPreferenceModel]) channels!: ChannelPreferenceModel[];
  @Field(() => [GroupNotificationPreferenceModel], { description: "The viewer's groups with the level of each." })
  groups!: GroupNotificationPreferenceModel[];

  static from(view: SettingsView): NotificationSettingsModel {
    return Object.assign(new NotificationSettingsModel(), {
      ...view,
      groups: view.groups.map((g) => ({
        level: g.level,
        group: { id: g.group.id, slug: g.group.slug, name: g.group.name },
      })),
    });
  }
}

@ObjectType('UnsubscribeResult')
export class UnsubscribeResultModel {
  @Field(() => String, {
    description: 'The category whose email stopped, or DIGEST for every category sent by digest.',
  })
  category!: string;
}
