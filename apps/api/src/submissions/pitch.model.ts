import { Field, Float, HideField, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationType, PitchFieldKind, PitchMessageAuthor, PitchStatus } from '@convene/shared-contracts';
import type { Pitch, PitchAttachment, PitchForm, PitchMessage } from '@convene/server-submissions';
import type { OrganisationReference, User } from '@convene/server-identity';
import { UserModel } from '../identity/user.model.js';
import { FieldTextsModel, FormTextsModel } from '../graphql/form-texts.model.js';

registerEnumType(PitchStatus, { name: 'PitchStatus' });
registerEnumType(OrganisationType, { name: 'OrganisationType' });
registerEnumType(PitchFieldKind, { name: 'PitchFieldKind' });
registerEnumType(PitchMessageAuthor, { name: 'PitchMessageAuthor' });

@ObjectType('PitchField', { description: 'A question a pitch form adds to the standard ones.' })
export class PitchFieldModel {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => PitchFieldKind) kind!: PitchFieldKind;
  @Field(() => Boolean) required!: boolean;
  @Field(() => [String]) options!: string[];
  @Field(() => [FieldTextsModel], { description: 'Its label and choices in the network’s other languages.' })
  translations!: FieldTextsModel[];
}

@ObjectType('PitchGroupChoice', { description: 'A working group a pitch can be addressed to.' })
export class PitchGroupChoiceModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
}

@ObjectType('PitchForm')
export class PitchFormModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The public page is /pitch/<slug>.' }) slug!: string;
  @Field(() => String) title!: string;
  @Field(() => String) intro!: string;
  @Field(() => Boolean) isOpen!: boolean;
  @Field(() => String) consentText!: string;
  @Field(() => Int, { description: 'Closed pitches are anonymised this many days after they close.' })
  retentionDays!: number;
  @Field(() => [PitchFieldModel]) fields!: PitchFieldModel[];
  @Field(() => String, { description: 'The language its texts are written in (en or ar).' }) language!: string;
  @Field(() => [FormTextsModel], { description: 'Its title, introduction and consent text in other languages.' })
  translations!: FormTextsModel[];
  @Field(() => [PitchGroupChoiceModel], { description: 'The working groups a pitch can be addressed to.' })
  groups!: PitchGroupChoiceModel[];

  static from(form: PitchForm, groups: PitchGroupChoiceModel[]): PitchFormModel {
    return Object.assign(new PitchFormModel(), {
      id: form.id,
      slug: form.slug,
      title: form.title,
      intro: form.intro,
      isOpen: form.isOpen,
      consentText: form.consentText,
      retentionDays: form.retentionDays,
      fields: form.fields.map((f) =>
        Object.assign(new PitchFieldModel(), { ...f, translations: f.translations ?? [] }),
      ),
      language: form.language,
      translations: form.translations,
      groups,
    });
  }
}

@ObjectType('PitchReceipt', {
  description: 'The same answer whatever happens next: the partner learns the rest by email.',
})
export class PitchReceiptModel {
  @Field(() => String) message!: string;
}

@ObjectType('PitchUploadedFile')
export class PitchAttachmentModel {
  @Field(() => ID) id!: string;
  @Field(() => String) fileName!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field(() => String) contentType!: string;
  @Field(() => String, { description: 'Where to download it (REST).' }) downloadUrl!: string;

  static from(file: PitchAttachment, downloadUrl: string): PitchAttachmentModel {
    return Object.assign(new PitchAttachmentModel(), {
      id: file.id,
      fileName: file.fileName,
      size: file.size,
      contentType: file.contentType,
      downloadUrl,
    });
  }
}

@ObjectType('PitchMessage', { description: 'A message between the convenors and the partner.' })
export class PitchMessageModel {
  @Field(() => ID) id!: string;
  @Field(() => PitchMessageAuthor) author!: PitchMessageAuthor;
  @Field(() => UserModel, {
    nullable: true,
    description: 'The convenor who wrote it: for the people who triage the pitch only.',
  })
  convenor!: UserModel | null;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
  @HideField() authorId!: string | null;

  static from(message: PitchMessage): PitchMessageModel {
    return Object.assign(new PitchMessageModel(), {
      id: message.id,
      author: message.author,
      convenor: null,
      body: message.body,
      createdAt: message.createdAt,
      authorId: message.authorId,
    });
  }
}

@ObjectType('PartnerPitchMessage', {
  description: 'A message as the partner sees it: who wrote it is "the convenors", never a name.',
})
export class PartnerPitchMessageModel {
  @Field(() => ID) id!: string;
  @Field(() => PitchMessageAuthor) author!: PitchMessageAuthor;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;

  static from(message: PitchMessage): PartnerPitchMessageModel {
    return Object.assign(new PartnerPitchMessageModel(), {
      id: message.id,
      author: message.author,
      body: message.body,
      createdAt: message.createdAt,
    });
  }
}

@ObjectType('PitchNote', { description: 'An internal note: never shown to the partner.' })
export class PitchNoteModel {
  @Field(() => ID) id!: string;
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('PitchAnswer')
export class PitchAnswerModel {
  @Field(() => ID) fieldId!: string;
  @Field(() => String, { description: 'The question, as the form asks it now.' }) label!: string;
  @Field(() => String) value!: string;
}

/** A pitch's conversation, notes, reviewers and files, with the people they name. */
export interface PitchDetails {
  messages: PitchMessage[];
  notes: { id: string; pitchId: string; authorId: string; body: string; createdAt: Date }[];
  reviewers: { pitchId: string; userId: string }[];
  attachments: PitchAttachment[];
  people: Map<string, User>;
  /** Whether the viewer may see a convenor's name (those of the groups they triage; all, for admins). */
  named: (userId: string) => boolean;
}

/** What both the convenors and the partner see of a pitch. */
function pitchBasics(pitch: Pitch) {
  return {
    id: pitch.id,
    title: pitch.title,
    organisationName: pitch.organisationName,
    organisationType: pitch.organisationType,
    contactName: pitch.contactName,
    summary: pitch.summary,
    helpWanted: pitch.helpWanted,
    notSure: pitch.notSure,
    status: pitch.status,
    declineReason: pitch.declineReason,
    createdAt: pitch.createdAt,
    updatedAt: pitch.updatedAt,
  };
}

@ObjectType('Pitch', { description: 'A partner’s pitch, for the convenors who triage it.' })
export class PitchModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) formId!: string;
  @Field(() => String) formTitle!: string;
  @Field(() => String) title!: string;
  @Field(() => String) organisationName!: string;
  @Field(() => OrganisationType) organisationType!: OrganisationType;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) helpWanted!: string;
  @Field(() => [PitchGroupChoiceModel], { description: 'The groups it is addressed to.' })
  groups!: PitchGroupChoiceModel[];
  @Field(() => Boolean, { description: 'The partner did not know which group: network admins triage it.' })
  notSure!: boolean;
  @Field(() => [PitchAnswerModel]) answers!: PitchAnswerModel[];
  @Field(() => PitchStatus) status!: PitchStatus;
  @Field(() => String) declineReason!: string;
  @Field(() => ID, { nullable: true }) acceptedGroupId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The discussion it became.' }) threadId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [PitchGroupChoiceModel], {
    description: 'Groups the viewer may accept it into (theirs among its groups; any, for admins).',
  })
  acceptInto!: PitchGroupChoiceModel[];

  @HideField() groupIds!: string[];
  @HideField() rawAnswers!: Record<string, string | boolean>;
  /** Messages, notes, reviewers, attachments and their people, loaded once for the whole list on first use. */
  @HideField() details!: () => Promise<PitchDetails>;
  /** Who the viewer may ask to review it, worked out once per set of groups for the whole list. */
  @HideField() candidates!: () => Promise<User[]>;
  /** The organisations of the list's senders, by address, looked up once for the whole list on first use. */
  @HideField() senderOrganisations!: () => Promise<Map<string, OrganisationReference>>;

  static from(
    pitch: Pitch,
    form: PitchForm | undefined,
    groups: PitchGroupChoiceModel[],
    acceptInto: PitchGroupChoiceModel[],
  ): PitchModel {
    const labels = new Map((form?.fields ?? []).map((f) => [f.id, f.label]));
    return Object.assign(new PitchModel(), {
      ...pitchBasics(pitch),
      formId: pitch.formId,
      formTitle: form?.title ?? '',
      contactEmail: pitch.contactEmail,
      groups,
      answers: Object.entries(pitch.answers).map(([fieldId, value]) => ({
        fieldId,
        label: labels.get(fieldId) ?? fieldId,
        value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : value,
      })),
      acceptedGroupId: pitch.acceptedGroupId,
      threadId: pitch.threadId,
      acceptInto,
      groupIds: pitch.groupIds,
      rawAnswers: pitch.answers,
    });
  }
}

@ObjectType('PitchConnection')
export class PitchConnectionModel {
  @Field(() => [PitchModel]) nodes!: PitchModel[];
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('PartnerPitch', {
  description: 'A pitch seen through its private link: no internal notes, no reviewers, no convenor names.',
})
export class PartnerPitchModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) organisationName!: string;
  @Field(() => OrganisationType) organisationType!: OrganisationType;
  @Field(() => String) contactName!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) helpWanted!: string;
  @Field(() => [String], { description: 'The names of the groups it is addressed to.' }) groupNames!: string[];
  @Field(() => Boolean) notSure!: boolean;
  @Field(() => PitchStatus) status!: PitchStatus;
  @Field(() => String, { description: 'Why it was declined, when it was.' }) declineReason!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [PartnerPitchMessageModel]) messages!: PartnerPitchMessageModel[];
  @Field(() => [PitchAttachmentModel]) attachments!: PitchAttachmentModel[];

  static from(
    pitch: Pitch,
    groupNames: string[],
    messages: PitchMessage[],
    attachments: PitchAttachmentModel[],
  ): PartnerPitchModel {
    return Object.assign(new PartnerPitchModel(), {
      ...pitchBasics(pitch),
      groupNames,
      messages: messages.map((m) => PartnerPitchMessageModel.from(m)),
      attachments,
    });
  }
}
