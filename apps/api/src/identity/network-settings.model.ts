import { Field, ObjectType } from '@nestjs/graphql';
import { SignUpMode } from '../graphql/enums.js';

@ObjectType('NetworkSettings')
export class NetworkSettingsModel {
  @Field(() => SignUpMode) signUpMode!: SignUpMode;
}
