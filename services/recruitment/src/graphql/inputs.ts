import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateVacancyInput {
  @Field(() => ID) agencyId!: string;
  @Field() title!: string;
}
