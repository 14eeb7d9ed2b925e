import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { PublishVacancy } from '../application/publish-vacancy.command';
import type { Page, RecruitmentReader } from '../application/recruitment.reader';
import type { ResultEntryPage, SelectionResults, SelectionResultsReader, StageResults } from '../application/selection-results.reader';
import type { Vacancy } from '../domain/vacancy';
import { actorOf, type RecruitmentContext } from './context';
import { PublishVacancyInput } from './inputs';
import { ResultEntryPageType, SelectionResultsType, StageResultsType, VacancyPageType, VacancyType } from './types';

@Resolver(() => VacancyType)
export class VacancyResolver {
  constructor(
    private readonly reader: RecruitmentReader,
    private readonly results: SelectionResultsReader,
    private readonly publishVacancyCommand: PublishVacancy,
  ) {}

  @Query(() => VacancyType)
  vacancy(@Arg('id', () => ID) id: string, @Ctx() context: RecruitmentContext): Promise<Vacancy> {
    return this.reader.one(context.viewer, id);
  }

  @Query(() => VacancyPageType, { description: 'Published vacancies, newest first; for anyone, without signing in' })
  publicVacancies(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<Vacancy>> {
    return this.reader.publicVacancies({ agencyId: agencyId ?? null, first, after: after ?? null });
  }

  @Query(() => SelectionResultsType, { description: 'Hasil seleksi for anyone: announced stages only, personal data masked' })
  selectionResults(@Arg('vacancyId', () => ID) vacancyId: string): Promise<SelectionResults> {
    return this.results.of(vacancyId);
  }

  @Mutation(() => VacancyType, { description: 'Agency HR announces a vacancy for an approved formation' })
  publishVacancy(@Arg('input') input: PublishVacancyInput, @Ctx() context: RecruitmentContext): Promise<Vacancy> {
    return this.publishVacancyCommand.execute(actorOf(context), input);
  }
}

@Resolver(() => StageResultsType)
export class StageResultsResolver {
  constructor(private readonly results: SelectionResultsReader) {}

  @FieldResolver(() => ResultEntryPageType, { description: "The stage's published lines, a keyset page at a time (first up to 500)" })
  entries(
    @Root() stage: StageResults,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before' }) after: string | null,
  ): Promise<ResultEntryPage> {
    return this.results.entries(stage, first, after ?? null);
  }
}
