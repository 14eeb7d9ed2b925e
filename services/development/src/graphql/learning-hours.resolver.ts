import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';

import { LearningHoursReader } from '../application/learning-hours.reader';
import type { DevelopmentContext } from './context';
import { LearningHoursShortfallType } from './types';

@Resolver()
export class LearningHoursResolver {
  constructor(private readonly reader: LearningHoursReader) {}

  @Query(() => [LearningHoursShortfallType], { description: "The agency's PNS and CPNS below their JP entitlement for the year, by name" })
  async learningHoursBelowEntitlement(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: DevelopmentContext,
  ): Promise<LearningHoursShortfallType[]> {
    const rows = await this.reader.belowEntitlement(context.viewer, agencyId, year);
    return rows.map(({ employee, summary }) => ({ employee: { id: employee.employeeId }, employmentType: employee.employmentType, learningHours: summary }));
  }
}
