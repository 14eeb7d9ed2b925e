import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('FeedbackNote', { description: 'A record of feedback, owned by one agency' })
@Directive('@key(fields: "id")')
export class FeedbackNoteType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the record belongs to' }) agencyId!: string;
  @Field() title!: string;
  @Field() createdAt!: Date;
}
