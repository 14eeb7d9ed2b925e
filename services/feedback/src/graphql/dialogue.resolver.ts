import { NotFoundError } from '@kinerja/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { AcknowledgeDialogue } from '../application/acknowledge-dialogue.command';
import type { RecordDialogue } from '../application/record-dialogue.command';
import type { SetFeedbackSettings } from '../application/set-feedback-settings.command';
import type { PerformanceDialogue } from '../domain/dialogue';
import { actorOf, type FeedbackContext } from './context';
import { RecordDialogueInput, SetFeedbackSettingsInput } from './inputs';
import { EmployeeType, FeedbackSettingsType, PerformanceDialogueType } from './types';

const employeeRef = (id: string | null): EmployeeType | null => (id === null ? null : { id });

@Resolver(() => PerformanceDialogueType)
export class DialogueResolver {
  constructor(
    private readonly record: RecordDialogue,
    private readonly acknowledge: AcknowledgeDialogue,
    private readonly settings: SetFeedbackSettings,
  ) {}

  @Query(() => PerformanceDialogueType, { description: 'One dialogue, for its parties, the supervisor chain and HR' })
  async performanceDialogue(@Arg('id', () => ID) id: string, @Ctx() context: FeedbackContext): Promise<PerformanceDialogue> {
    const dialogue = await context.loaders.dialogue.load(id);
    if (!dialogue) throw new NotFoundError('PerformanceDialogue', id, 'id');
    return dialogue;
  }

  @Mutation(() => PerformanceDialogueType, {
    description: 'The employee or the direct supervisor records a dialogue (dialog kinerja); a due follow-up is fulfilled',
  })
  recordDialogue(@Arg('input') input: RecordDialogueInput, @Ctx() context: FeedbackContext): Promise<PerformanceDialogue> {
    return this.record.execute(actorOf(context), input);
  }

  @Mutation(() => PerformanceDialogueType, { description: 'The party who did not record the dialogue acknowledges it' })
  acknowledgeDialogue(@Arg('dialogueId', () => ID) dialogueId: string, @Ctx() context: FeedbackContext): Promise<PerformanceDialogue> {
    return this.acknowledge.execute(actorOf(context), dialogueId);
  }

  @Mutation(() => FeedbackSettingsType, { description: "HR sets the agency's follow-up window" })
  setFeedbackSettings(@Arg('input') input: SetFeedbackSettingsInput, @Ctx() context: FeedbackContext): Promise<FeedbackSettingsType> {
    return this.settings.execute(actorOf(context), input);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() dialogue: PerformanceDialogue): EmployeeType {
    return { id: dialogue.employeeId };
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  supervisor(@Root() dialogue: PerformanceDialogue): EmployeeType | null {
    return employeeRef(dialogue.supervisorEmployeeId);
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  recordedBy(@Root() dialogue: PerformanceDialogue): EmployeeType | null {
    return employeeRef(dialogue.recordedByEmployeeId);
  }
}
