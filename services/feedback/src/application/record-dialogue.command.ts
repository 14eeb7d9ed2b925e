import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, ValidationError } from '@kinerja/errors';
import { todayIn } from '@kinerja/kernel';

import { isPartyToDialogue } from '../domain/access.rule';
import { type DialogueRecord, type PerformanceDialogue, recordDialogue } from '../domain/dialogue';
import type { Clock, DialogueRepository, EmployeeCopyRepository, IdGenerator, PendingEvent } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { employeeNamed } from './reporting-lines';

/** A recorded PLANNING dialogue is published: performance shows at plan approval whether one exists for the year. */
function eventsOf(dialogue: PerformanceDialogue): PendingEvent[] {
  if (dialogue.kind !== 'PLANNING' || dialogue.date === null) return [];
  return [
    {
      type: 'feedback.dialogue.recorded',
      agencyId: dialogue.agencyId,
      payload: {
        dialogueId: dialogue.id,
        employeeId: dialogue.employeeId,
        supervisorEmployeeId: dialogue.supervisorEmployeeId,
        kind: dialogue.kind,
        date: dialogue.date,
        year: Number(dialogue.date.slice(0, 4)),
      },
    },
  ];
}

/** The employee or their direct supervisor records a dialogue (dialog kinerja); the other acknowledges it. */
export class RecordDialogue {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly dialogues: DialogueRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: DialogueRecord & { employeeId: string }): Promise<PerformanceDialogue> {
    assertAuthenticated(actor.viewer);
    const employee = await employeeNamed(this.employees, input.employeeId, 'input.employeeId');
    if (!isPartyToDialogue(actor.viewer, employee) || employee.supervisorEmployeeId === null)
      throw new ForbiddenError('A dialogue is recorded by the employee or their direct supervisor');
    const due = input.kind === 'FOLLOW_UP' ? await this.dialogues.dueFollowUpOf(employee.employeeId) : null;
    let dialogue: PerformanceDialogue;
    try {
      dialogue = recordDialogue(employee, actor.viewer.employeeId as string, input, due, { ids: this.ids, clock: this.clock, today: todayIn(this.clock) });
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.dialogues.save(due && due.id === dialogue.id ? due : null, dialogue, 'dialogue.recorded', auditContextOf(actor), eventsOf(dialogue));
    return dialogue;
  }
}
