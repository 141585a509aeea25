import { Field, ID, InputType } from '@nestjs/graphql';

// The discussions service validates every field and answers BAD_USER_INPUT with per-field messages.

@InputType()
export class CreateThreadInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true, description: 'The post answered; the opening post when left out.' }) parentPostId?: string | null;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
}
