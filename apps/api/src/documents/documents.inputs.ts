import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class UpdateDocumentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the tags.' }) tags?: string[] | null;
}

@InputType()
export class MoveDocumentInput {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The folder to move it to; the top level when left out.' })
  folderId?: string | null;
}

@InputType()
export class CreateDocumentFolderInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true, description: 'The folder to create it in; the top level when left out.' })
  parentId?: string | null;
}

@InputType()
export class UpdateDocumentFolderInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true, description: 'Moves it into this folder.' }) parentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Moves it to the top level.' }) moveToTop?: boolean | null;
}

@InputType()
export class SearchDocumentsInput {
  @Field(() => String, {
    description: 'Words to find; accents and capitals do not matter. Quotes for a phrase, - to leave a word out.',
  })
  query!: string;
  @Field(() => ID, { nullable: true, description: 'Only this group’s documents.' }) groupId?: string | null;
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
