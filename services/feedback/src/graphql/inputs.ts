import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateFeedbackNoteInput {
  @Field(() => ID) agencyId!: string;
  @Field() title!: string;
}
