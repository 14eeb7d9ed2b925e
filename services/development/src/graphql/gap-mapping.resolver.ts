import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import { ClearGapProgrammeMapping } from '../application/clear-gap-programme-mapping.command';
import { GapMappingReader, type GapMappingView } from '../application/gap-mapping.reader';
import { SetGapProgrammeMapping } from '../application/set-gap-programme-mapping.command';
import type { MappableGap } from '../domain/agency-gap-mapping';
import { actorOf, type DevelopmentContext } from './context';
import { MappableGapEnum } from './enums';
import { SetGapProgramMappingInput } from './inputs';
import { GapProgramMappingType } from './types';

const toType = ({ gap, programmeCode, agencyOverride, programme }: GapMappingView): GapProgramMappingType => ({
  gap,
  programCode: programmeCode,
  agencyOverride,
  program: programme,
});

@Resolver(() => GapProgramMappingType)
export class GapMappingResolver {
  constructor(
    private readonly reader: GapMappingReader,
    private readonly setCommand: SetGapProgrammeMapping,
    private readonly clearCommand: ClearGapProgrammeMapping,
  ) {}

  @Query(() => [GapProgramMappingType], {
    description: "The programme each gap of a poor assessment leads to in the agency: the province default with the agency's own lines",
  })
  async gapProgramMapping(@Arg('agencyId', () => ID) agencyId: string, @Ctx() context: DevelopmentContext): Promise<GapProgramMappingType[]> {
    return (await this.reader.mappingOf(context.viewer, agencyId)).map(toType);
  }

  @Mutation(() => GapProgramMappingType, { description: "HR sets the agency's own programme for a gap (or null: HR chooses every time)" })
  async setGapProgramMapping(@Arg('input') input: SetGapProgramMappingInput, @Ctx() context: DevelopmentContext): Promise<GapProgramMappingType> {
    return toType(await this.setCommand.execute(actorOf(context), { agencyId: input.agencyId, gap: input.gap, programmeCode: input.programCode ?? null }));
  }

  @Mutation(() => GapProgramMappingType, { description: "HR drops the agency's own line for a gap: the province default applies again" })
  async clearGapProgramMapping(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('gap', () => MappableGapEnum) gap: MappableGap,
    @Ctx() context: DevelopmentContext,
  ): Promise<GapProgramMappingType> {
    return toType(await this.clearCommand.execute(actorOf(context), agencyId, gap));
  }
}
