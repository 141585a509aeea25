import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Reaction } from '@convene/shared-contracts';

// The discussions services validate every field and answer BAD_USER_INPUT with per-field messages.

@InputType()
export class CreateThreadInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, {
    description: 'Markdown. Mention members as `@[Display Name]`, the convenors as `@group-convenors`.',
  })
  body!: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType()
export class UpdateThreadInput {
  @Field(() => ID) threadId!: string;
  @Field(() => String, { nullable: true, description: 'The new title; left as it is when not given.' })
  title?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'The new tags (all of them); left as they are when not given.',
  })
  tags?: string[] | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true, description: 'The post answered; the opening post when left out.' })
  parentPostId?: string | null;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
}

@InputType()
export class EditPostInput {
  @Field(() => ID) postId!: string;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
}

@InputType()
export class ReactInput {
  @Field(() => ID) postId!: string;
  @Field(() => Reaction) reaction!: Reaction;
  @Field(() => Boolean, { description: 'True to add the reaction, false to take it back.' }) active!: boolean;
}

@InputType()
export class HidePostInput {
  @Field(() => ID) postId!: string;
  @Field(() => String, { description: 'Shown to the members in place of the post, and told to its author.' })
  reason!: string;
}

@InputType()
export class MoveThreadInput {
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { description: 'A group the viewer also convenes.' }) groupId!: string;
}

@InputType()
export class SearchInput {
  @Field(() => String, { description: 'Words to find; "quoted phrases", OR and -excluded words work as on the web.' })
  query!: string;
  @Field(() => ID, { nullable: true, description: 'Only this group (one the viewer belongs to).' }) groupId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Only posts by this person.' }) authorId?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
