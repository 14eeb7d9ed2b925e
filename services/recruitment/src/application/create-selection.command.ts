import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { Clock, IdGenerator, SelectionRepository } from '../domain/repositories';
import { type CreateSelectionInput, newSelection, type Selection } from '../domain/selection';
import { type Actor, auditContextOf } from './actor';

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
    let selection: Selection;
    try {
      selection = newSelection(input, this.ids, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.selections.create(selection, auditContextOf(actor));
    return selection;
  }
}
