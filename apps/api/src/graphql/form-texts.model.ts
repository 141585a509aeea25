import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('FormTexts', {
  description: 'An organiser-written form’s texts in another language; an empty text falls back to the form’s own.',
})
export class FormTextsModel {
  @Field(() => String, { description: 'en or ar.' }) locale!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'A pitch form’s introduction; an event’s description (Markdown).' })
  intro!: string;
  @Field(() => String) consentText!: string;
}

@ObjectType('FieldTexts', {
  description:
    'A question’s label and choices in another language; choices in the order of the question’s own, empty ones falling back.',
})
export class FieldTextsModel {
  @Field(() => String, { description: 'en or ar.' }) locale!: string;
  @Field(() => String) label!: string;
  @Field(() => [String]) options!: string[];
}

@InputType()
export class FormTextsInput {
  @Field(() => String, { description: 'en or ar; not the form’s own language.' }) locale!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) intro?: string | null;
  @Field(() => String, { nullable: true }) consentText?: string | null;
}

@InputType()
export class FieldTextsInput {
  @Field(() => String, { description: 'en or ar; not the form’s own language.' }) locale!: string;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => [String], { nullable: true, description: 'One for each of the question’s choices, in the same order.' })
  options?: string[] | null;
}
