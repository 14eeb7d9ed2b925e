import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { CreateVacancy } from '../application/create-vacancy.command';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { Vacancy } from '../domain/vacancy';
import { actorOf, type RecruitmentContext } from './context';
import { CreateVacancyInput } from './inputs';
import { VacancyType } from './types';

@Resolver(() => VacancyType)
export class VacancyResolver {
  constructor(
    private readonly reader: RecruitmentReader,
    private readonly createVacancyCommand: CreateVacancy,
  ) {}

  @Query(() => VacancyType)
  vacancy(@Arg('id', () => ID) id: string, @Ctx() context: RecruitmentContext): Promise<Vacancy> {
    return this.reader.one(context.viewer, id);
  }

  @Mutation(() => VacancyType)
  createVacancy(@Arg('input') input: CreateVacancyInput, @Ctx() context: RecruitmentContext): Promise<Vacancy> {
    return this.createVacancyCommand.execute(actorOf(context), input);
  }
}
