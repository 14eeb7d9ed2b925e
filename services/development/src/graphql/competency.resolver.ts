import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import { DevelopmentReader } from '../application/development.reader';
import type { Competency } from '../domain/catalogue';
import type { CompetencyKind } from '../domain/vocabulary';
import type { DevelopmentContext } from './context';
import { CompetencyKindEnum } from './enums';
import { CompetencyType } from './types';

@Resolver(() => CompetencyType)
export class CompetencyResolver {
  constructor(private readonly reader: DevelopmentReader) {}

  @Query(() => [CompetencyType], { description: 'The competency catalogue: technical, managerial, socio-cultural and the BerAKHLAK values' })
  competencies(
    @Ctx() context: DevelopmentContext,
    @Arg('kind', () => CompetencyKindEnum, { nullable: true }) kind?: CompetencyKind | null,
  ): Promise<Competency[]> {
    return this.reader.competencies(context.viewer, kind ?? null);
  }
}
