import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Vacancy', { description: 'A record of recruitment, owned by one agency' })
@Directive('@key(fields: "id")')
export class VacancyType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the record belongs to' }) agencyId!: string;
  @Field() title!: string;
  @Field() createdAt!: Date;
}
