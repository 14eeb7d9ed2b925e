import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class Create__Entity__Input {
  @Field(() => ID) agencyId!: string;
  @Field() title!: string;
}
