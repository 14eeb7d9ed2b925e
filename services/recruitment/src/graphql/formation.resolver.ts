import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { CreateSelection } from '../application/create-selection.command';
import type { ProposeFormation } from '../application/propose-formation.command';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { ReviewFormation } from '../application/review-formation.command';
import type { Selection } from '../domain/selection';
import { actorOf, type RecruitmentContext } from './context';
import { CreateSelectionInput, ProposeFormationInput, ReviewFormationInput } from './inputs';
import { FormationType, SelectionType } from './types';
import { formationView } from './views';

@Resolver(() => FormationType)
export class FormationResolver {
  constructor(
    private readonly reader: RecruitmentReader,
    private readonly proposeFormationCommand: ProposeFormation,
    private readonly reviewFormationCommand: ReviewFormation,
    private readonly createSelectionCommand: CreateSelection,
  ) {}

  @Query(() => FormationType)
  async formation(@Arg('id', () => ID) id: string, @Ctx() context: RecruitmentContext): Promise<FormationType> {
    return formationView(await this.reader.formation(context.viewer, id));
  }

  @Query(() => SelectionType)
  selection(@Arg('id', () => ID) id: string, @Ctx() context: RecruitmentContext): Promise<Selection> {
    return this.reader.selection(context.viewer, id);
  }

  @Mutation(() => FormationType, { description: 'Agency HR proposes a formation (usulan formasi), no larger than the gap of the needs analysis' })
  async proposeFormation(@Arg('input') input: ProposeFormationInput, @Ctx() context: RecruitmentContext): Promise<FormationType> {
    return formationView(await this.proposeFormationCommand.execute(actorOf(context), { ...input, positionId: input.positionId ?? null }));
  }

  @Mutation(() => FormationType, { description: 'The province admin approves a proposed formation' })
  async approveFormation(@Arg('input') input: ReviewFormationInput, @Ctx() context: RecruitmentContext): Promise<FormationType> {
    return formationView(
      await this.reviewFormationCommand.execute(actorOf(context), { formationId: input.formationId, approve: true, note: input.note ?? null }),
    );
  }

  @Mutation(() => FormationType, { description: 'The province admin returns a proposed formation with the reason' })
  async returnFormation(@Arg('input') input: ReviewFormationInput, @Ctx() context: RecruitmentContext): Promise<FormationType> {
    return formationView(
      await this.reviewFormationCommand.execute(actorOf(context), { formationId: input.formationId, approve: false, note: input.note ?? null }),
    );
  }

  @Mutation(() => SelectionType, { description: 'Agency HR opens a selection with its schedule, pass marks and scoring' })
  createSelection(@Arg('input') input: CreateSelectionInput, @Ctx() context: RecruitmentContext): Promise<Selection> {
    return this.createSelectionCommand.execute(actorOf(context), input);
  }
}
