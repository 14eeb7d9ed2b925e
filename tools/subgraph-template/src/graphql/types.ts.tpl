import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('__Entity__', { description: 'A record of __name__, owned by one agency' })
@Directive('@key(fields: "id")')
export class __Entity__Type {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the record belongs to' }) agencyId!: string;
  @Field() title!: string;
  @Field() createdAt!: Date;
}
