import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Indicator } from '../domain/plan';
import type { Realization } from '../domain/realization';
import type { PerformanceContext } from './context';
import { IndicatorType, RealizationType } from './types';

@Resolver(() => IndicatorType)
export class IndicatorResolver {
  @FieldResolver(() => [RealizationType], { description: 'Realisasi per sub-period' })
  realizations(@Root() indicator: Indicator, @Ctx() context: PerformanceContext): Promise<Realization[]> {
    return context.loaders.realizations.load(indicator.id);
  }
}
