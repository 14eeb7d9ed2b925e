import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { DistributionReader } from '../application/distribution.reader';
import type { SetUnitRating } from '../application/set-unit-rating.command';
import type { PredikatDistribution } from '../domain/predikat-distribution';
import type { UnitRatingRecord } from '../domain/unit-rating';
import { actorOf, type PerformanceContext } from './context';
import { SetUnitRatingInput } from './inputs';
import { PredikatDistributionType, UnitRatingType } from './report.types';
import { OrgUnitType } from './types';

const toDistributionType = (distribution: PredikatDistribution): PredikatDistributionType => ({
  unitRating: distribution.unitRating,
  headcount: distribution.headcount,
  assessed: distribution.assessed,
  shares: distribution.shares,
  rules: distribution.check?.rows.map((row) => ({ ...row, predikats: [...row.predikats] })) ?? [],
  satisfied: distribution.check?.satisfied ?? null,
});

@Resolver(() => OrgUnitType)
export class OrgUnitPerformanceResolver {
  constructor(
    private readonly reader: DistributionReader,
    private readonly setUnitRatingCommand: SetUnitRating,
  ) {}

  @Mutation(() => UnitRatingType, { description: 'Set the unit’s own rating (predikat kinerja organisasi) for a year: HR admin, agency head or unit head' })
  setUnitRating(@Arg('input') input: SetUnitRatingInput, @Ctx() context: PerformanceContext): Promise<UnitRatingRecord> {
    return this.setUnitRatingCommand.execute(actorOf(context), input);
  }

  @FieldResolver(() => PredikatDistributionType, {
    description: 'Kurva distribusi: the predikat of the unit’s employees for a year against the rule of its rating',
  })
  async predikatDistribution(
    @Root() unit: OrgUnitType,
    @Arg('periodId', () => ID) periodId: string,
    @Ctx() context: PerformanceContext,
  ): Promise<PredikatDistributionType> {
    return toDistributionType(await this.reader.distribution(context.viewer, unit.id, periodId));
  }

  @FieldResolver(() => UnitRatingType, { nullable: true, description: 'The unit’s own rating for a year, if set' })
  unitRating(@Root() unit: OrgUnitType, @Arg('periodId', () => ID) periodId: string, @Ctx() context: PerformanceContext): Promise<UnitRatingRecord | null> {
    return this.reader.unitRating(context.viewer, unit.id, periodId);
  }
}
