import { assertCanManageAgency } from '@kinerja/auth';
import { assertEntityId } from '@kinerja/kernel';

import type { Clock, IdGenerator, SelectionRepository } from '../domain/repositories';
import { type CreateSelectionInput, newSelection, type Selection } from '../domain/selection';
import { type Actor, auditContextOf } from './actor';
import { fromInput } from './input';

/** Agency HR opens a selection with its schedule, pass marks (rule 6 by default) and scoring. */
export class CreateSelection {
  constructor(
    private readonly selections: SelectionRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: CreateSelectionInput): Promise<Selection> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    const selection = fromInput(() => newSelection(input, this.ids, this.clock));
    await this.selections.create(selection, auditContextOf(actor));
    return selection;
  }
}
