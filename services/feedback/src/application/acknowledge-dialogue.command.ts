import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { acknowledgeDialogue, type PerformanceDialogue } from '../domain/dialogue';
import type { Clock, DialogueRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import type { DialogueReader } from './dialogue.reader';

/** The party who did not record the dialogue confirms it. */
export class AcknowledgeDialogue {
  constructor(
    private readonly reader: DialogueReader,
    private readonly dialogues: DialogueRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, dialogueId: string): Promise<PerformanceDialogue> {
    assertAuthenticated(actor.viewer);
    assertEntityId(dialogueId, 'dialogueId');
    const [dialogue] = await this.reader.visible(actor.viewer, [dialogueId]);
    if (!dialogue) throw new NotFoundError('PerformanceDialogue', dialogueId, 'dialogueId');
    const viewerId = actor.viewer.employeeId;
    if (viewerId === null || (viewerId !== dialogue.employeeId && viewerId !== dialogue.supervisorEmployeeId))
      throw new ForbiddenError('Only the employee or the supervisor of the dialogue acknowledges it');
    const acknowledged = acknowledgeDialogue(dialogue, viewerId, this.clock);
    await this.dialogues.save(dialogue, acknowledged, 'dialogue.acknowledged', auditContextOf(actor), []);
    return acknowledged;
  }
}
